/** What the scan keeps of ESLint's results: Fleet's messages, parse failures and crashes. */
import type { ESLint, Linter } from 'eslint';

/**
 * Drops what the user's own directives provoke (`Definition for rule 'react/jsx-key' was not
 * found`, malformed `eslint` config comments): a scan answers for Fleet's rules only. Parsing
 * errors and rule crashes stay. Counts are recomputed so the JSON output stays consistent.
 */
export function keepFleetMessages(result: ESLint.LintResult): ESLint.LintResult {
  const ours = (message: Linter.LintMessage) =>
    !isLegacyEnvComment(message) && (message.fatal === true || message.ruleId?.startsWith('fleet/') === true);
  if (result.messages.every(ours) && result.suppressedMessages.every(ours)) return result;
  const messages = result.messages.filter(ours);
  const count = (predicate: (message: Linter.LintMessage) => boolean) => messages.filter(predicate).length;
  return {
    ...result,
    messages,
    suppressedMessages: result.suppressedMessages.filter(ours),
    errorCount: count((message) => message.severity === 2),
    fatalErrorCount: count((message) => message.fatal === true),
    warningCount: count((message) => message.severity === 1),
    fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
    fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
  };
}

export function isParseFailure(result: ESLint.LintResult): boolean {
  return result.messages.some((message) => message.fatal === true && message.ruleId === null && !isLegacyEnvComment(message));
}

/**
 * ESLint 10 flags a user's `/* eslint-env jest *\/` comment as a fatal problem although the
 * file was parsed and linted: it concerns the user's own ESLint setup, which a scan ignores.
 */
function isLegacyEnvComment(message: Linter.LintMessage): boolean {
  return message.ruleId === null && message.message.startsWith('/* eslint-env */ comments are no longer supported');
}

/** ESLint appends `Occurred while linting <file>:<line>` and `Rule: "<id>"` to a rule's error. */
export function crashResult(filePath: string, error: unknown): ESLint.LintResult {
  const details = error as { message?: unknown; ruleId?: unknown; currentNode?: { loc?: { start?: { line?: number; column?: number } } } };
  const fullMessage = typeof details.message === 'string' ? details.message : String(error);
  const reason = fullMessage.split('\nOccurred while linting')[0]!.trim();
  const ruleId = typeof details.ruleId === 'string' ? details.ruleId : null;
  const start = details.currentNode?.loc?.start;
  const message: Linter.LintMessage = {
    ruleId,
    fatal: true,
    severity: 2,
    message: `${ruleId ? `Rule \`${ruleId}\`` : 'ESLint'} crashed on this file: ${reason}`,
    line: start?.line ?? 1,
    column: (start?.column ?? 0) + 1,
  };
  return {
    filePath,
    messages: [message],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
