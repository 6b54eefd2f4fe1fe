/**
 * The calls that read or list files: `node:fs` in every import form (callback, sync,
 * `fs/promises`, `fs.promises`, `require`), `fs-extra`, `graceful-fs`, the glob and find-up packages,
 * `Bun.file` and `Deno` reads, and an fs read passed to a caller with its path after it
 * (`tryToCatch(readFile, p)`). Found from the uses of those imports, never by walking the tree.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { importPath } from '../../src/handlers/import-path.js';
import type { ImportIndex } from '../../src/handlers/types.js';
import { FS_READS, isFsModule, isReadPackage, isStaticServer, readsInPackage, STATIC_SERVER_MODULES } from './fs-reads.js';

/** One file read or listing. */
export interface FsSink {
  readonly call: TSESTree.CallExpression;
  /** The callee as written, for messages (`fs.readFile`, `readdirSync`, `fg.sync`). */
  readonly callee: TSESTree.Node;
  /** The argument holding the path or glob pattern(s). */
  readonly path: TSESTree.Node | undefined;
  /** An options object whose `cwd` roots a glob. */
  readonly options: TSESTree.Node | undefined;
  /** The directory the path is relative to (`sendFile`'s root, `koa-send`'s `root`), when given. */
  readonly root?: TSESTree.Node | undefined;
  /** For a read through a project function in another module: that function and the read inside it. */
  readonly via?: string;
}

const FS_GLOBS = new Set(['glob', 'globSync']);
const DENO_READS = new Set([
  'readTextFile',
  'readTextFileSync',
  'readFile',
  'readFileSync',
  'readDir',
  'readDirSync',
  'stat',
  'statSync',
  'lstat',
  'lstatSync',
  'realPath',
  'realPathSync',
  'open',
  'openSync',
]);

/** The call a use of an import ends in: `fs.promises.readFile(...)` from the `fs` identifier. */
function callOf(use: TSESTree.Node): TSESTree.CallExpression | undefined {
  let node = use;
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) node = node.parent;
  if (node.parent?.type === AST_NODE_TYPES.ChainExpression) node = node.parent;
  const call = node.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === node ? call : undefined;
}

function sinkOf(call: TSESTree.CallExpression, path: readonly string[], module: string): FsSink | undefined {
  const [first, second] = call.arguments;
  if (isFsModule(module)) {
    const name = (path[0] === 'promises' ? path.slice(1) : path).filter((segment) => segment !== 'native');
    if (name.length !== 1) return undefined;
    if (FS_READS.has(name[0]!)) return { call, callee: call.callee, path: first, options: undefined };
    if (FS_GLOBS.has(name[0]!)) return { call, callee: call.callee, path: first, options: second };
    return undefined;
  }
  if (!readsInPackage(module, path)) return undefined;
  // `packageUp({ cwd })`: the options come first.
  if (first?.type === AST_NODE_TYPES.ObjectExpression) return { call, callee: call.callee, path: undefined, options: first };
  return { call, callee: call.callee, path: first, options: second };
}

function globalCalls(scopeManager: ScopeManager, name: string): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of scopeManager.globalScope?.through ?? []) {
    if (reference.identifier.name !== name) continue;
    const call = callOf(reference.identifier);
    if (call) calls.push(call);
  }
  return calls;
}

function runtimeSink(call: TSESTree.CallExpression, reads: ReadonlySet<string>): FsSink | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  return reads.has(callee.property.name) ? { call, callee, path: call.arguments[0], options: undefined } : undefined;
}

/**
 * An fs read passed to a caller with its path right after it: `tryToCatch(readFile, path)`,
 * `attempt(fs.stat, path)`. The caller calls the read with the arguments that follow (the
 * higher-order helpers real code uses to turn a throw into a value), so the call is the read.
 */
function passedRead(use: TSESTree.Node, imports: ImportIndex): FsSink | undefined {
  let node = use;
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) node = node.parent;
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === node) return undefined;
  const index = call.arguments.indexOf(node as TSESTree.CallExpressionArgument);
  const path = index < 0 ? undefined : call.arguments[index + 1];
  const source = imports.sourceOf(node);
  if (!path || !source) return undefined;
  if (readsInPackage(source.module, importPath(source))) return { call, callee: node, path, options: call.arguments[index + 2] };
  if (!isFsModule(source.module)) return undefined;
  const name = importPath(source).filter((segment) => segment !== 'promises');
  return name.length === 1 && FS_READS.has(name[0]!) ? { call, callee: node, path, options: undefined } : undefined;
}

/** True when the file can contain a sink at all (cheap: the import index is already built). */
export function mayHaveSinks(imports: ImportIndex, text: string): boolean {
  return (
    [...imports.modules].some((module) => isFsModule(module) || isReadPackage(module)) ||
    text.includes('Bun.file') ||
    text.includes('Deno.')
  );
}

/** Every file read or listing of the module, in source order. */
export function fsSinks(imports: ImportIndex, scopeManager: ScopeManager): FsSink[] {
  const sinks = new Map<TSESTree.CallExpression, FsSink>();
  for (const module of [...imports.modules].filter((m) => isFsModule(m) || isReadPackage(m))) {
    for (const use of imports.usesOf(module)) {
      const call = callOf(use);
      const source = call && imports.sourceOf(call.callee);
      if (!call || !source || sinks.has(call)) {
        const passed = call ? undefined : passedRead(use, imports);
        if (passed && !sinks.has(passed.call)) sinks.set(passed.call, passed);
        continue;
      }
      const sink = sinkOf(call, importPath(source), source.module);
      if (sink) sinks.set(call, sink);
    }
  }
  for (const call of globalCalls(scopeManager, 'Bun')) {
    const sink = runtimeSink(call, new Set(['file']));
    if (sink) sinks.set(call, sink);
  }
  for (const call of globalCalls(scopeManager, 'Deno')) {
    const sink = runtimeSink(call, DENO_READS);
    if (sink) sinks.set(call, sink);
  }
  return [...sinks.values()].sort((a, b) => a.call.range[0] - b.call.range[0]);
}

/**
 * Static-file middleware built over a directory (`app.use('/upload', express.static(uploadDir))`):
 * created once at start-up, it reads a file under that directory for every request it answers,
 * so the directory is a per-request read like `res.sendFile`'s root.
 */
export function staticSinks(imports: ImportIndex): FsSink[] {
  const sinks: FsSink[] = [];
  for (const module of STATIC_SERVER_MODULES) {
    if (!imports.modules.has(module)) continue;
    for (const use of imports.usesOf(module)) {
      const call = callOf(use);
      const source = call && imports.sourceOf(call.callee);
      if (!call || !source || !isStaticServer(source.module, importPath(source)) || call.arguments.length === 0) continue;
      sinks.push({ call, callee: call.callee, path: call.arguments[0], options: undefined });
    }
  }
  return sinks.sort((a, b) => a.call.range[0] - b.call.range[0]);
}
