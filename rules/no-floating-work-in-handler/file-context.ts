import { ASTUtils } from '@typescript-eslint/utils';
import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ImportIndex, ImportSource } from '../../src/handlers/types.js';
import { isImportOf } from '../../src/handlers/import-path.js';
import type { ImportedValue } from './imported-value.js';

/** What the rule's analysis needs to know about the file being linted, built once per file. */
export interface FileContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly imports: ImportIndex;
  /** Parser services when the file is part of a TypeScript program (type-aware mode). */
  readonly types: ParserServicesWithTypeInformation | undefined;
  /** `settings.fleet.queues`: extra durable-enqueue callees. */
  readonly queues: readonly string[];
  /** Summaries of values imported from the project's own modules; only without types. */
  readonly importedValue: ImportedValue | undefined;
  /** Local names of imports from timer/process/thread modules, for the by-name pre-check. */
  readonly spawnAliases: ReadonlySet<string>;
}

/** The import `node` (identifier or member chain) refers to. */
export function sourceOf(file: FileContext, node: TSESTree.Node): ImportSource | undefined {
  return file.imports.sourceOf(node);
}

/** True when `node` names `path` exported by one of `modules` (see `isImportOf`). */
export function isImported(file: FileContext, node: TSESTree.Node, modules: readonly string[], path: readonly string[]): boolean {
  return isImportOf(file.imports.sourceOf(node), modules, path);
}

/** True for an identifier that names no declaration in the file (a runtime global such as `setTimeout`). */
export function isGlobal(file: FileContext, node: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  return variable === null || variable.defs.length === 0;
}

/** The variable an identifier refers to, when it is declared in the file. */
export function variableOf(file: FileContext, node: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(node), node);
  return variable && variable.defs.length > 0 ? variable : undefined;
}
