import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/ast/member-name.js';
import { importPath, isImportOf } from '../../src/handlers/import-path.js';
import type { ImportSource } from '../../src/handlers/types.js';
import { unwrap } from '../../src/ast/unwrap.js';
import { calleePath } from '../../src/handlers/callee-pattern.js';
import type { FileContext } from './file-context.js';
import { isGlobal, sourceOf, variableOf } from './file-context.js';

/** Work handed to something other than a promise the handler could await. */
export type SpawnKind = 'timer' | 'detachedProcess' | 'workerThread' | 'platformDeferral';

/** A timer, detached process, worker thread or platform deferral started at `node`. */
export interface SpawnSite {
  readonly kind: SpawnKind;
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The callee as written, for the message and `allowCalls`. */
  readonly callee: string;
  readonly path: readonly string[] | undefined;
}

const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window']);
const PROCESS_FUNCTIONS = new Set(['spawn', 'fork', 'exec', 'execFile']);
const CANDIDATE_NAMES = new Set([
  ...TIMERS,
  ...PROCESS_FUNCTIONS,
  'nextTick',
  'unref',
  'after',
  'unstable_after',
  'waitUntil',
  'Worker',
  'execa',
]);

/** What `node` starts, before asking whether it ends with the request (see `endsWithRequest`). */
export function spawnSiteOf(node: TSESTree.CallExpression | TSESTree.NewExpression, file: FileContext): SpawnSite | undefined {
  const callee = unwrap(node.callee);
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? memberName(callee)
        : undefined;
  // Every call passes through here: bail out on the name before any scope or import lookup.
  if (name === undefined || !(CANDIDATE_NAMES.has(name) || (callee.type === AST_NODE_TYPES.Identifier && file.spawnAliases.has(name))))
    return undefined;
  const path = calleePath(callee);
  const site = (kind: SpawnKind): SpawnSite => ({ kind, node, callee: path?.join('.') ?? name, path });
  const source = sourceOf(file, callee);
  if (node.type === AST_NODE_TYPES.NewExpression) {
    return isImportOf(source, ['worker_threads'], ['Worker']) ? site('workerThread') : undefined;
  }
  if (isTimer(callee, name, source, file)) return site('timer');
  if (isDeferral(callee, source)) return site('platformDeferral');
  if (isProcessSource(source)) return isDetached(node) ? site('detachedProcess') : undefined;
  if (callee.type === AST_NODE_TYPES.MemberExpression && name === 'unref') {
    // `child.unref()` lets the parent exit without the child; a detached spawn was already reported.
    const child = processCallOf(unwrap(callee.object), file);
    return child && !isDetached(child) ? site('detachedProcess') : undefined;
  }
  return undefined;
}

function isTimer(callee: TSESTree.Node, name: string, source: ImportSource | undefined, file: FileContext): boolean {
  if (source) {
    const path = importPath(source);
    return (source.module === 'timers' && TIMERS.has(path[0] ?? '')) || (source.module === 'process' && path[0] === 'nextTick');
  }
  if (callee.type === AST_NODE_TYPES.Identifier) return TIMERS.has(name) && isGlobal(file, callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const matches = (object.name === 'process' && name === 'nextTick') || (GLOBAL_OBJECTS.has(object.name) && TIMERS.has(name));
  return matches && isGlobal(file, object);
}

function isDeferral(callee: TSESTree.Node, source: ImportSource | undefined): boolean {
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'waitUntil') return true;
  return (
    isImportOf(source, ['next/server'], ['after']) ||
    isImportOf(source, ['next/server'], ['unstable_after']) ||
    isImportOf(source, ['@vercel/functions'], ['waitUntil'])
  );
}

function isProcessCall(node: TSESTree.CallExpression, file: FileContext): boolean {
  return isProcessSource(sourceOf(file, unwrap(node.callee)));
}

function isProcessSource(source: ImportSource | undefined): boolean {
  if (!source) return false;
  const path = importPath(source);
  if (source.module === 'child_process') return path.length === 1 && PROCESS_FUNCTIONS.has(path[0] ?? '');
  return source.module === 'execa' && (path.length === 0 || (path.length === 1 && path[0] === 'execa'));
}

/** The child-process call that made `node` (`spawn(...)` itself or a `const` holding it). */
function processCallOf(node: TSESTree.Node, file: FileContext): TSESTree.CallExpression | undefined {
  if (node.type === AST_NODE_TYPES.CallExpression) return isProcessCall(node, file) ? node : undefined;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = variableOf(file, node)?.defs[0];
  const init = def?.type === DefinitionType.Variable && def.node.init ? unwrap(def.node.init) : undefined;
  return init?.type === AST_NODE_TYPES.CallExpression && isProcessCall(init, file) ? init : undefined;
}

function isDetached(node: TSESTree.CallExpression): boolean {
  return node.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === 'detached' &&
          property.value.type === AST_NODE_TYPES.Literal &&
          property.value.value === true,
      ),
  );
}
