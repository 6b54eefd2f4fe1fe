/**
 * What a review comment tells the author to do, per rule: short, actionable, in Markdown.
 * The `fleet codemod spawn-to-taskspec` command is being built; until it ships,
 * {@link CODEMOD_AVAILABLE} stays `false` and comments give only the guidance. Flip it (one
 * line) when `fleet codemod` lands, and comments add the exact command for the file.
 */

/** Whether `npx fleet codemod spawn-to-taskspec <file>` exists in this release. */
export const CODEMOD_AVAILABLE = false;

const GUIDANCE: Readonly<Record<string, string>> = {
  'fleet/no-floating-work-in-handler':
    'Await the work when it is short. When it is long, calls the network or an LLM, must survive a deploy or be retried, ' +
    'enqueue it as a durable task instead: `await enqueue(TaskSpec.X({ ... }))`, answer `202` with the task id, and let ' +
    'the worker fleet run it in an executor. A sub-second fire-and-forget (a metric) may stay with a written reason: ' +
    '`// fleet-allow-spawn: <why it is safe>`.',
  'fleet/no-workspace-fs-in-serve-route':
    'A serve replica may not have the workspace checkout. Compile the artifact into the database (rows keyed by ' +
    'revision) and read it from there, or classify the route `ide-only` in `fleet.routes.yaml` if only the stateful ' +
    'node should answer it.',
  'fleet/require-route-role':
    'Declare the route in `fleet.routes.yaml`: `fleet-ok` when any replica can answer it, `ide-only` (with a reason) ' +
    'when it needs the workspace files. `npx fleet routes --init` adds the undeclared routes as `ide-only` for review.',
  'parse-error': 'Fix the syntax error so Fleet can check this file.',
};

/** Rules whose findings the `spawn-to-taskspec` codemod rewrites. */
const CODEMOD_RULES: ReadonlySet<string> = new Set(['fleet/no-floating-work-in-handler']);

/** How to fix a finding of `ruleId` in `file` (repository-relative), as Markdown. */
export function guidanceFor(ruleId: string, file: string, codemod: boolean = CODEMOD_AVAILABLE): string {
  const text = GUIDANCE[ruleId] ?? 'See the rule documentation.';
  if (!codemod || !CODEMOD_RULES.has(ruleId)) return text;
  return `${text}\n\nTo rewrite the spawn sites of this file into durable tasks (TaskSpec, executor and test are generated):\n\n\`\`\`sh\nnpx fleet codemod spawn-to-taskspec ${file}\n\`\`\``;
}

/** Rule ids that have guidance (for the test that every rule has some). */
export function rulesWithGuidance(): string[] {
  return Object.keys(GUIDANCE).sort();
}
