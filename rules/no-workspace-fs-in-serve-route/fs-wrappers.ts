/**
 * Reads through the project's own fs wrappers: `file.exists(p)` where `./file.ts` exports
 * `exists(p) { return fs.existsSync(p) }`. Each imported project module is parsed once per file
 * version (TypeScript's parser, no types) and summarised as "export name → which parameter
 * reaches the path of an fs read inside it"; the call in the handler is then a read of that
 * argument. A parameter reaches the read when it appears in the read's path argument directly,
 * through one local `const`, or through another wrapper of the same module. Methods of an
 * exported instance count (`export default cond ? new LocalStorage() : new S3Storage()`, the class
 * in this module or another project module); an fs read passed to a caller is a sink of
 * `fs-sinks.ts` (`tryToCatch(readFile, p)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { importPath } from '../../src/handlers/import-path.js';
import type { ImportIndex } from '../../src/handlers/types.js';
import { FileVersionCache } from '../../src/modules/file-version-cache.js';
import { resolveModule } from '../../src/modules/resolve-module.js';
import { FS_TEXT } from './fs-reads.js';
import type { FsSink } from './fs-sinks.js';
import { wrapperSummary } from './wrapper-summary.js';
import type { Wrapper, WrapperSummary } from './wrapper-summary.js';

const EMPTY: WrapperSummary = new Map();
// `new X(…)` where X may be a project class: built-ins and error classes (`throw new NotFoundError()`)
// never make an exported instance with fs-reading methods, and name nearly every `new` in a service.
const INSTANCE_TEXT =
  /\bnew\s+(?!(?:[\w$]*Error|Date|Map|Set|WeakMap|WeakSet|WeakRef|Promise|URL|URLSearchParams|RegExp|Array|Object|Buffer|AbortController|Headers|Response|Request|FormData|Blob|TextEncoder|TextDecoder|(?:Big)?(?:Uint|Int)(?:8|16|32|64)Array|Uint8ClampedArray|Float(?:32|64)Array|ArrayBuffer|DataView|Intl)\b)[A-Z]/;

/**
 * The cheap text test before a module is parsed for wrappers: a module that names no fs module (nor
 * archiver) wraps nothing, unless it makes an instance of a class that may be a project class
 * (whose module may wrap fs).
 */
export function mayWrapFs(text: string): boolean {
  return FS_TEXT.test(text) || INSTANCE_TEXT.test(text);
}

/** The fs wrappers a project module exports, per file version; a module that cannot be read or parsed wraps nothing we can see. */
const summaries = new FileVersionCache<WrapperSummary>((source) => {
  const { text } = source;
  if (!mayWrapFs(text)) return EMPTY;
  return wrapperSummary(source.parse());
}, EMPTY);

function summaryOf(file: string): WrapperSummary {
  return summaries.get(file);
}

/**
 * The call a use of an import ends in, and the members between: `file.exists(p)` from the `file`
 * identifier → `['exists']`; type assertions on the way are skipped
 * (`(storage as LocalStorage).stat(key)`).
 */
function callOf(use: TSESTree.Node): { call: TSESTree.CallExpression; members: string[] } | undefined {
  let node = use;
  const members: string[] = [];
  for (;;) {
    const parent = node.parent;
    if (
      (parent?.type === AST_NODE_TYPES.TSAsExpression ||
        parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent?.type === AST_NODE_TYPES.TSSatisfiesExpression) &&
      parent.expression === node
    ) {
      node = parent;
    } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      if (parent.computed || parent.property.type !== AST_NODE_TYPES.Identifier) return undefined;
      members.push(parent.property.name);
      node = parent;
    } else {
      break;
    }
  }
  const call = node.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === node ? { call, members } : undefined;
}

/** How many modules an exported instance's class may be looked up through. */
const MAX_INSTANCE_HOPS = 2;

/**
 * The wrapper at export path `key` of the module at `file`: a function, or a method of an
 * exported instance whose class another project module declares (`storage.stat` where
 * `storage = new LocalStorage()` of `./LocalStorage`).
 */
function wrapperAt(file: string, key: string, hops = 0): { wrapper: Wrapper; file: string } | undefined {
  const summary = summaryOf(file);
  const direct = summary.get(key);
  if (direct && 'param' in direct) return { wrapper: direct, file };
  if (hops >= MAX_INSTANCE_HOPS) return undefined;
  const dot = key.lastIndexOf('.');
  const owner = summary.get(dot < 0 ? '' : key.slice(0, dot));
  if (!owner || !('instanceOf' in owner)) return undefined;
  const method = key.slice(dot + 1);
  for (const { module, name } of owner.instanceOf) {
    const classFile = resolveModule(file, module);
    if (classFile === undefined || classFile.includes('/node_modules/')) continue;
    const found = wrapperAt(classFile, `${name === 'default' ? '' : name}#${method}`, hops + 1);
    if (found) return found;
  }
  return undefined;
}

/** Calls of imported project functions that read a file from one of their arguments. */
export function wrapperSinks(filename: string, imports: ImportIndex): FsSink[] {
  const sinks: FsSink[] = [];
  for (const module of imports.modules) {
    // Only calls with an argument (the path) can be wrapper calls: a module whose imports are
    // only passed around, used as types or called without arguments is not read (nor parsed).
    const calls = imports.usesOf(module).flatMap((use) => {
      const found = callOf(use);
      const source = found && found.call.arguments.length > 0 && imports.sourceOf(use);
      return found && source ? [{ found, source }] : [];
    });
    if (calls.length === 0) continue;
    const file = resolveModule(filename, module);
    if (file === undefined || file.includes('/node_modules/')) continue;
    const summary = summaryOf(file);
    if (summary.size === 0) continue;
    for (const { found, source } of calls) {
      const key = [...importPath(source), ...found.members].join('.');
      const wrapper = wrapperAt(file, key)?.wrapper;
      const { call } = found;
      const path = wrapper && call.arguments[wrapper.param];
      if (!wrapper || !path) continue;
      sinks.push({ call, callee: call.callee, path, options: undefined, via: `${wrapper.read} in ${module}` });
    }
  }
  return sinks;
}

/** Forgets cached summaries (tests). */
export function clearWrapperCache(): void {
  summaries.clear();
}
