/**
 * `fleet scan` on a repository that has never heard of Fleet: without a `fleet.routes.yaml`,
 * `require-route-role` would report "no manifest" once per file with routes and bury the real
 * hazards. A scan that picked its rules by default leaves those reports out and says so once.
 */
import type { ESLint, Linter } from 'eslint';

/** The one line a scan prints on stderr when it left route roles unchecked. */
export const MISSING_MANIFEST_NOTE = 'No fleet.routes.yaml found: route roles were not checked. Create one with `npx fleet routes --init`.';

const RULE = 'fleet/require-route-role';
const MESSAGE_ID = 'noManifest';

function isMissingManifest(message: Linter.LintMessage): boolean {
  return message.ruleId === RULE && message.messageId === MESSAGE_ID;
}

/** The results without the rule's "no manifest applies here" reports, and how many files had one. */
export interface WithoutMissingManifest {
  readonly results: ESLint.LintResult[];
  /** Files whose routes went unchecked because no manifest applies to them. */
  readonly unchecked: number;
}

/**
 * Drops `require-route-role`'s `noManifest` reports. Files under a manifest keep every finding
 * (in a monorepo, a package with its own manifest is still checked while the root has none).
 * Counts are recomputed so the JSON output stays consistent with the messages.
 */
export function withoutMissingManifest(results: readonly ESLint.LintResult[]): WithoutMissingManifest {
  let unchecked = 0;
  const kept = results.map((result) => {
    if (!result.messages.some(isMissingManifest)) return result;
    unchecked++;
    const messages = result.messages.filter((message) => !isMissingManifest(message));
    const count = (predicate: (message: Linter.LintMessage) => boolean) => messages.filter(predicate).length;
    return {
      ...result,
      messages,
      errorCount: count((message) => message.severity === 2),
      fatalErrorCount: count((message) => message.fatal === true),
      warningCount: count((message) => message.severity === 1),
      fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
      fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
    };
  });
  return { results: kept, unchecked };
}
