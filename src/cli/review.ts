/**
 * `fleet review`: the pull-request review bot. Parses the arguments; the work is in
 * `run-review.ts`, loaded on demand.
 */
import path from 'node:path';
import { FILTER_MODES } from '../review/filter-mode.js';
import type { FilterMode } from '../review/filter-mode.js';
import type { Command, CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';
import { parseCommandArgs } from './parse-command-args.js';

/** Parsed `fleet review` arguments (defaults from the environment are applied by the run). */
export interface ReviewArgs {
  /** Absolute project directory (inside the git repository). */
  readonly root: string;
  readonly base: string | undefined;
  readonly head: string | undefined;
  /** `owner/name`. */
  readonly repo: string | undefined;
  readonly pr: number | undefined;
  readonly filterMode: FilterMode;
  readonly maxComments: number;
  /** Print the review JSON instead of talking to GitHub. */
  readonly dry: boolean;
  readonly types: boolean;
  /** Exit 1 when findings are in scope (default: exit 0 whatever was found). */
  readonly failOnFindings: boolean;
}

const help = `Usage: fleet review [dir] [options]

Review a pull request: scan the files it changes (with the whole project's model), keep the
findings on changed lines, and post one GitHub review with an inline comment per finding
(a suggestion when the fix is one edit, else how to fix it). Earlier comments are recognised
by a hidden fingerprint: findings already commented are skipped, comments whose finding is
gone are deleted unless someone replied, and a re-run with nothing new posts nothing. When the
token cannot write reviews (pull requests from forks), findings become workflow annotations and
a job summary instead. The working tree must be checked out at the head commit.

Options:
      --base <ref>           Base of the comparison; the merge base with the head is used.
                             Default: origin/$GITHUB_BASE_REF.
      --head <ref>           Head commit (must be checked out). Default: $GITHUB_SHA, else HEAD.
      --repo <owner/name>    Default: $GITHUB_REPOSITORY.
      --pr <number>          Default: the pull request of $GITHUB_EVENT_PATH or $GITHUB_REF.
      --filter-mode <mode>   added (default: added or modified lines), diff_context (lines of
                             the diff hunks), file (anywhere in a changed file), nofilter (all).
      --max-comments <n>     Inline comments per review (default 30); the rest go to the
                             review body as a table.
      --dry                  Print the review as JSON instead of posting (no token needed).
      --fail-on-findings     Exit 1 when findings are in scope (default: exit 0).
      --no-types             Do not use type information.
  -h, --help                 Show this help.

Environment: GITHUB_TOKEN (needs pull-requests: write), GITHUB_API_URL (GitHub Enterprise
Server; default https://api.github.com), GITHUB_STEP_SUMMARY (the fallback's job summary).

Exit codes: 0 done, 1 findings with --fail-on-findings, 2 bad usage, git or GitHub errors.
`;

/** Parses `fleet review` arguments; throws {@link UsageError} on anything it cannot use. */
export function parseReviewArgs(args: readonly string[], cwd: string): ReviewArgs | 'help' {
  const { values, positionals } = parseOrExplain(args);
  if (values.help === true) return 'help';
  if (positionals.length > 1)
    throw new UsageError(`fleet review takes one directory, got ${positionals.length} (${positionals.join(', ')}).`);
  const filterMode = values['filter-mode'] ?? 'added';
  if (!(FILTER_MODES as readonly string[]).includes(filterMode)) {
    throw new UsageError(`fleet review: unknown --filter-mode "${filterMode}". Use one of: ${FILTER_MODES.join(', ')}.`);
  }
  return {
    root: path.resolve(cwd, positionals[0] ?? '.'),
    base: values.base,
    head: values.head,
    repo: values.repo,
    pr: values.pr === undefined ? undefined : positiveInteger('--pr', values.pr),
    filterMode: filterMode as FilterMode,
    maxComments: values['max-comments'] === undefined ? 30 : positiveInteger('--max-comments', values['max-comments'], true),
    dry: values.dry ?? false,
    types: values.types ?? true,
    failOnFindings: values['fail-on-findings'] ?? false,
  };
}

function positiveInteger(option: string, raw: string, zeroAllowed = false): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || (!zeroAllowed && value === 0))
    throw new UsageError(`fleet review: ${option} needs a ${zeroAllowed ? 'non-negative' : 'positive'} integer, got "${raw}".`);
  return value;
}

function parseOrExplain(args: readonly string[]) {
  return parseCommandArgs('review', args, {
    base: { type: 'string' },
    head: { type: 'string' },
    repo: { type: 'string' },
    pr: { type: 'string' },
    'filter-mode': { type: 'string' },
    'max-comments': { type: 'string' },
    dry: { type: 'boolean' },
    types: { type: 'boolean' },
    'fail-on-findings': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseReviewArgs(args, io.cwd);
  if (parsed === 'help') {
    io.stdout.write(help);
    return EXIT.clean;
  }
  const { runReview } = await import('./run-review.js');
  return runReview(parsed, io);
}

/** The `review` command. */
export const review: Command = {
  summary: 'Review a pull request: inline comments on the changed lines (GitHub)',
  help,
  run,
};
