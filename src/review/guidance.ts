/**
 * What a review comment tells the author to do, per rule: short, actionable, in Markdown.
 * With {@link CODEMOD_AVAILABLE} (true since `fleet codemod spawn-to-taskspec` shipped), comments
 * on floating work add the exact codemod command for the file.
 */

/** Whether `npx fleet codemod spawn-to-taskspec <file>` exists in this release. */
export const CODEMOD_AVAILABLE = true;

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
  'fleet/no-codemod-bailout':
    'The codemod left this site as it was and said why in the marker. Fix what the reason names (capture an id, not ' +
    'the request object; make the value JSON-safe), re-run `npx fleet codemod spawn-to-taskspec` on the file, or ' +
    'migrate the site by hand, then delete the marker.',
  'fleet/no-process-local-schedule':
    'Every replica runs this timer or cron job, so the work runs once per replica and dies with the process. Declare ' +
    'it as a durable schedule (`defineSchedule`, fired once across the fleet) with a task and executor: ' +
    '`npx fleet codemod interval-to-schedule <file>` does the rewrite.',
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
