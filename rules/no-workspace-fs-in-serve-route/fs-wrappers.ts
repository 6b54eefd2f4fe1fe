/**
 * Reads through the project's own fs wrappers: `file.exists(p)` where `./file.ts` exports
 * `exists(p) { return fs.existsSync(p) }`. Each imported project module is parsed once per file
 * version (TypeScript's parser, no types) and summarised as "export name → which parameter
 * reaches the path of an fs read inside it"; the call in the handler is then a read of that
 * argument. A parameter reaches the read when it appears in the read's path argument directly,
 * through one local `const`, or through another wrapper of the same module. Classes and
 * higher-order uses (`tryToCatch(readFile, p)`) are not followed.
 */
import { readFileSync } from 'node:fs';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { importPath } from '../../src/handlers/import-path.js';
import type { ImportIndex } from '../../src/handlers/types.js';
import { FileVersionCache } from '../../src/modules/file-version-cache.js';
import { parseModule } from '../../src/modules/parse-module.js';
import { resolveModule } from '../../src/modules/resolve-module.js';
import { FS_TEXT } from './fs-reads.js';
import type { FsSink } from './fs-sinks.js';
import { wrapperSummary } from './wrapper-summary.js';
import type { WrapperSummary } from './wrapper-summary.js';

const EMPTY: WrapperSummary = new Map();

/** The fs wrappers a project module exports, per file version; a module that cannot be read or parsed wraps nothing we can see. */
const summaries = new FileVersionCache<WrapperSummary>((file) => {
  const text = readFileSync(file, 'utf8');
  // Cheap text test before parsing: a module that names no fs module (nor archiver) wraps nothing.
  if (!FS_TEXT.test(text)) return EMPTY;
  return wrapperSummary(parseModule(file, text));
}, EMPTY);

function summaryOf(file: string): WrapperSummary {
  return summaries.get(file);
}

/** The call a use of an import ends in: `file.exists(p)` from the `file` identifier. */
function callOf(use: TSESTree.Node): TSESTree.CallExpression | undefined {
  let node = use;
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) node = node.parent;
  const call = node.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === node ? call : undefined;
}

/** Calls of imported project functions that read a file from one of their arguments. */
export function wrapperSinks(filename: string, imports: ImportIndex): FsSink[] {
  const sinks: FsSink[] = [];
  for (const module of imports.modules) {
    const file = resolveModule(filename, module);
    if (file === undefined || file.includes('/node_modules/')) continue;
    const summary = summaryOf(file);
    if (summary.size === 0) continue;
    for (const use of imports.usesOf(module)) {
      const call = callOf(use);
      const source = call && imports.sourceOf(call.callee);
      const wrapper = source && summary.get(importPath(source).join('.'));
      const path = wrapper && call.arguments[wrapper.param];
      if (!call || !wrapper || !path) continue;
      sinks.push({ call, callee: call.callee, path, options: undefined, via: `${wrapper.read} in ${module}` });
    }
  }
  return sinks;
}

/** Forgets cached summaries (tests). */
export function clearWrapperCache(): void {
  summaries.clear();
}
