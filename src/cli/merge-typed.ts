import type { ESLint, Linter } from 'eslint';

/**
 * A file's result after the typed phase: the syntactic phase's messages of every rule that does
 * not use types, plus the typed phase's messages of those that do, in position order, with the
 * counts recomputed.
 */
export function mergeTyped(syntactic: ESLint.LintResult, typed: ESLint.LintResult, typedRuleIds: ReadonlySet<string>): ESLint.LintResult {
  const fromTypes = (message: Linter.LintMessage) => message.ruleId !== null && typedRuleIds.has(message.ruleId);
  const messages = [...syntactic.messages.filter((m) => !fromTypes(m)), ...typed.messages.filter(fromTypes)].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  const suppressedMessages = [...syntactic.suppressedMessages.filter((m) => !fromTypes(m)), ...typed.suppressedMessages.filter(fromTypes)];
  const count = (predicate: (message: Linter.LintMessage) => boolean) => messages.filter(predicate).length;
  return {
    ...syntactic,
    messages,
    suppressedMessages,
    errorCount: count((message) => message.severity === 2),
    fatalErrorCount: count((message) => message.fatal === true),
    warningCount: count((message) => message.severity === 1),
    fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
    fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
  };
}
