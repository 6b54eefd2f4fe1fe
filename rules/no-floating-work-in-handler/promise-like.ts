import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { memberFunction } from '../../src/handlers/member-function.js';
import { memberName } from '../../src/ast/member-name.js';
import { isPromiseAnnotation } from '../../src/modules/promise-annotation.js';
import { importPath } from '../../src/handlers/import-path.js';
import { unwrap } from '../../src/ast/unwrap.js';
import { walk } from '../../src/ast/walk.js';
import type { FileContext } from './file-context.js';
import { isGlobal, sourceOf, variableOf } from './file-context.js';
import { isEnqueueCall } from './enqueue-call.js';
import { receiverClassMethods } from './receiver-class.js';
import { isPromiseClientCall } from './promise-clients.js';

/**
 * Well-known promise APIs recognised without type information: module → exported paths
 * (`[]` = the module's default/namespace called directly, `*` = any export).
 */
const PROMISE_APIS: Readonly<Record<string, readonly string[]>> = {
  'fs/promises': ['*'],
  'dns/promises': ['*'],
  'stream/promises': ['pipeline', 'finished'],
  'timers/promises': ['setTimeout', 'setImmediate'],
  axios: ['', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'],
  got: ['', 'get', 'post', 'put', 'patch', 'delete', 'head'],
  ky: ['', 'get', 'post', 'put', 'patch', 'delete', 'head'],
  'node-fetch': [''],
  undici: ['fetch', 'request'],
};

const PROMISE_STATICS = new Set(['all', 'allSettled', 'race', 'any', 'resolve', 'reject', 'try']);

// `ts.TypeFlags.Any | ts.TypeFlags.Unknown`, spelled out so the rule does not load TypeScript.
const ANY_OR_UNKNOWN = 1 | 2;

/** Whether the value of `node` is a promise: from the checker when available, else syntactically. */
export function isPromiseValued(node: TSESTree.Node, file: FileContext): boolean {
  return promiseVerdict(node, file) === 'yes';
}

/**
 * Whether `void <node>` most likely drops a promise: a known promise, or a call we cannot see
 * into (an imported function): people write `void` in front of promises. Calls to the module's
 * own synchronous functions and to callback parameters (`void next()`) are not promises.
 */
export function isVoidedWork(node: TSESTree.Node, file: FileContext): boolean {
  return promiseVerdict(node, file) !== 'no';
}

function promiseVerdict(node: TSESTree.Node, file: FileContext): 'yes' | 'no' | 'unknown' {
  const target = unwrap(node);
  if (file.types) {
    const type = file.types.getTypeAtLocation(target);
    if ((type.flags & ANY_OR_UNKNOWN) === 0) return isPromiseType(file.types.program, type) ? 'yes' : 'no';
  }
  if (isPromiseSyntactically(target, file)) return 'yes';
  if (target.type !== AST_NODE_TYPES.CallExpression && target.type !== AST_NODE_TYPES.NewExpression) return 'no';
  const callee = unwrap(target.callee);
  const imported = target.type === AST_NODE_TYPES.CallExpression ? file.importedValue?.(callee) : undefined;
  // A project function whose source shows it is synchronous (`void logError(e)`) is not a promise.
  if (imported?.kind === 'function') return 'no';
  if (callee.type !== AST_NODE_TYPES.Identifier) return 'unknown';
  const def = variableOf(file, callee)?.defs[0];
  if (def?.type === DefinitionType.Parameter || def?.type === DefinitionType.FunctionName) return 'no';
  if (def?.type === DefinitionType.Variable && def.node.init && isFunction(unwrap(def.node.init))) return 'no';
  return 'unknown';
}

/** The built-in `Promise` over union/intersection parts and base classes (as no-floating-promises). */
function isPromiseType(program: ts.Program, type: ts.Type): boolean {
  if (type.isUnionOrIntersection()) return type.types.some((part) => isPromiseType(program, part));
  const symbol = type.getSymbol();
  if (!symbol) return false;
  if (
    (symbol.name === 'Promise' || symbol.name === 'PromiseLike') &&
    (symbol.declarations ?? []).some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()))
  ) {
    return true;
  }
  // `Job<void>` is a reference to the generic class `Job<T>`, whose base types the checker knows.
  const target = (type as Partial<ts.TypeReference>).target ?? type;
  if (!target.isClassOrInterface()) return false;
  return program
    .getTypeChecker()
    .getBaseTypes(target)
    .some((base) => isPromiseType(program, base));
}

function isPromiseSyntactically(node: TSESTree.Node, file: FileContext, seen = new Set<TSESTree.Node>()): boolean {
  if (node.type === AST_NODE_TYPES.ConditionalExpression)
    return isPromiseSyntactically(unwrap(node.consequent), file, seen) && isPromiseSyntactically(unwrap(node.alternate), file, seen);
  if (node.type === AST_NODE_TYPES.NewExpression) {
    return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise' && isGlobal(file, node.callee);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (isAsyncFunction(callee)) return true;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    if (name === 'then' || name === 'catch' || name === 'finally') return true;
    const object = unwrap(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && name !== undefined) {
      return PROMISE_STATICS.has(name) && isGlobal(file, object);
    }
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && file.sourceCode.scopeManager) {
    // `this.send()`, `this.#send()`, `service.send()` on a class or object literal of this module.
    const member = memberFunction(file.sourceCode.scopeManager, callee);
    if (member && returnsProvenPromise(member.fn, file, seen)) return true;
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (callee.name === 'fetch' && isGlobal(file, callee)) return true;
    if (isLocalAsyncFunction(callee, file, seen)) return true;
  }
  return (
    isWellKnownPromiseApi(callee, file) ||
    isImportedAsyncFunction(callee, file) ||
    isEnqueueCall(node, file) !== undefined ||
    isPromiseClientCall(callee, file)
  );
}

function isWellKnownPromiseApi(callee: TSESTree.Node, file: FileContext): boolean {
  const source = sourceOf(file, callee);
  if (!source) return false;
  const path = importPath(source);
  if (source.module === 'fs' && path[0] === 'promises' && path.length === 2) return true;
  const exports = PROMISE_APIS[source.module];
  if (!exports || path.length > 1) return false;
  return exports.includes('*') ? path.length === 1 : exports.includes(path[0] ?? '');
}

/**
 * `sendWelcomeEmail()` / `mailer.send()` / `this.mailer.send()` where the project module the
 * function or class comes from proves it returns a promise (syntactic mode only).
 */
function isImportedAsyncFunction(callee: TSESTree.Node, file: FileContext): boolean {
  let value = file.importedValue?.(callee);
  if (!value && callee.type === AST_NODE_TYPES.MemberExpression) {
    // `this.mailer.send()` where `mailer: MailerService` is a class of a project module.
    const name = memberName(callee);
    value = name === undefined ? undefined : receiverClassMethods(callee.object, file)?.get(name);
  }
  return value?.kind === 'function' && value.returnsPromise;
}

function isFunction(node: TSESTree.Node): node is TSESTree.FunctionLike {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** An `async` function (not an async generator, whose call returns an iterator). */
export function isAsyncFunction(node: TSESTree.Node): boolean {
  return isFunction(node) && node.async && !node.generator;
}

/**
 * An `async` function, or one annotated to return `Promise<T>` (`send(): Promise<void> { return ... }`,
 * `declare function send(): Promise<void>`).
 */
function returnsPromise(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.TSDeclareFunction) return isPromiseAnnotation(node.returnType);
  return isAsyncFunction(node) || (isFunction(node) && !node.generator && isPromiseAnnotation(node.returnType));
}

/**
 * `sendEmail()` where the module declares `async function sendEmail`, `const sendEmail = async () => ...`,
 * `function sendEmail(): Promise<void>`, or a plain function whose every way out returns a proven
 * promise (`function notify(url) { return fetch(url) }`, `const save = (x) => db.then(...)`).
 */
export function isLocalAsyncFunction(callee: TSESTree.Identifier, file: FileContext, seen = new Set<TSESTree.Node>()): boolean {
  const def = variableOf(file, callee)?.defs[0];
  if (!def) return false;
  if (def.type === DefinitionType.FunctionName) return returnsProvenPromise(def.node, file, seen);
  if (def.type === DefinitionType.Variable && def.node.init && def.parent.kind === 'const')
    return returnsProvenPromise(unwrap(def.node.init), file, seen);
  return false;
}

/**
 * `returnsPromise`, or a synchronous function whose last statement and every other `return`
 * hand back a promise proven the same way (the body proof module summaries make for imported
 * functions). `seen` stops recursion through mutually calling helpers.
 */
function returnsProvenPromise(node: TSESTree.Node, file: FileContext, seen: Set<TSESTree.Node>): boolean {
  if (returnsPromise(node)) return true;
  if (!isFunction(node) || node.generator || seen.has(node)) return false;
  seen.add(node);
  const body = node.body;
  if (!body) return false;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return isPromiseSyntactically(unwrap(body), file, seen);
  if (body.body.at(-1)?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  const returns: TSESTree.ReturnStatement[] = [];
  walk(body, (inner) => {
    if (inner !== body && isFunction(inner)) return false;
    if (inner.type === AST_NODE_TYPES.ReturnStatement) returns.push(inner);
    return undefined;
  });
  return returns.every((statement) => statement.argument !== null && isPromiseSyntactically(unwrap(statement.argument), file, seen));
}
