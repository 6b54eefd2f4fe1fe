import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

/**
 * The parser's type services when the file being linted is part of a TypeScript program, else
 * `undefined`. Unlike `ESLintUtils.getParserServices(context, true)`, this never throws: under
 * espree (plain `.js` in a config without typescript-eslint's parser), under oxlint's JS plugin
 * host, or with typescript-eslint's parser but no `project`/`projectService`, the rules run in
 * their syntactic mode instead of crashing with "You have used a rule which requires type
 * information".
 */
export function typeServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation | undefined {
  const services = (context.sourceCode as { parserServices?: Partial<ParserServicesWithTypeInformation> | null }).parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap || !services.tsNodeToESTreeNodeMap) return undefined;
  return services as ParserServicesWithTypeInformation;
}
