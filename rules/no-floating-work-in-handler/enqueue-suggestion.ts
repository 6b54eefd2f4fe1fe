/**
 * The editor's half of `fleet codemod spawn-to-taskspec`: when the file already imports `enqueue`
 * and a `defineTasks` binding whose variant is named after the work's call, and the handler is
 * async, the site is one range to replace, `await enqueue(TaskSpec.X({ …captures }))`, with the
 * codemod's own call text. Captures come from scope analysis and must be exactly the variant's
 * payload fields; anything else (a new variant, an executor to write, imports to add) stays the
 * codemod's job, and no suggestion is offered.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enqueueCall, variantName } from '../../codemods/shared/enqueue-call.js';
import type { CallField } from '../../codemods/shared/enqueue-call.js';
import { resolveModule } from '../../src/modules/resolve-module.js';
import { enclosingFunction } from './floating-work.js';
import { taskVariantsOf } from './task-variants.js';

/** The one range to replace and its text. */
export interface EnqueueRewrite {
  readonly range: TSESTree.Range;
  readonly text: string;
  /** `TaskSpec.SendWelcomeEmail`, for the suggestion's message. */
  readonly task: string;
}

const DEFERRING = new Set(['setTimeout', 'setImmediate', 'queueMicrotask', 'nextTick', 'after', 'waitUntil']);

/** The rewrite of the reported `site` (of message `kind`) in `filename`, or `undefined`. */
export function enqueueRewrite(
  site: TSESTree.Node,
  kind: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
): EnqueueRewrite | undefined {
  if (enclosingFunction(site)?.async !== true) return undefined;
  const enqueue = importedName(sourceCode.ast, 'fleet-runtime', 'enqueue');
  const work = enqueue === undefined ? undefined : workOf(site, kind, sourceCode);
  if (!enqueue || !work) return undefined;
  const variant = variantName(work.name);
  const tasks = tasksBinding(sourceCode.ast, filename, variant);
  const captured = tasks?.fields && captures(work.node, sourceCode);
  if (!tasks?.fields || !captured || captured.size !== tasks.fields.length || tasks.fields.some((field) => !captured.has(field.name)))
    return undefined;
  return {
    range: site.range,
    text: enqueueCall(tasks.local, variant, tasks.fields, work.delay, enqueue),
    task: `${tasks.local}.${variant}`,
  };
}

interface Work {
  /** What runs later: its free variables are the payload. */
  readonly node: TSESTree.Node;
  /** The name of the call the task is named after. */
  readonly name: string;
  readonly delay: string | undefined;
}

function workOf(site: TSESTree.Node, kind: string, sourceCode: Readonly<TSESLint.SourceCode>): Work | undefined {
  const inner = site.type === AST_NODE_TYPES.UnaryExpression ? site.argument : site;
  if (inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (kind === 'timer' || kind === 'platformDeferral') return deferred(inner, sourceCode);
  if (kind !== 'floatingPromise' && kind !== 'voidedPromise' && kind !== 'caughtPromise') return undefined;
  const callee = inner.callee;
  // `work(x).catch(h)`: the executor maps `h` to its failure path, the task is named after `work`.
  const root =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'catch' &&
    inner.arguments.length === 1
      ? callee.object
      : inner;
  const name = root.type === AST_NODE_TYPES.CallExpression ? calleeName(root.callee) : undefined;
  return name ? { node: inner, name, delay: undefined } : undefined;
}

/** `setTimeout(() => work(x), ms)`, `after(() => { void work(x); })`, `waitUntil(work(x))`. */
function deferred(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): Work | undefined {
  const deferral = calleeName(call.callee);
  const [callback, delay, ...extra] = call.arguments;
  if (!deferral || !DEFERRING.has(deferral) || !callback || extra.length > 0 || (delay && deferral !== 'setTimeout')) return undefined;
  const delayText = delay && !(delay.type === AST_NODE_TYPES.Literal && delay.value === 0) ? sourceCode.getText(delay) : undefined;
  let body: TSESTree.Node = callback;
  if (callback.type === AST_NODE_TYPES.ArrowFunctionExpression || callback.type === AST_NODE_TYPES.FunctionExpression) {
    if (callback.params.length > 0) return undefined;
    body = callback.body;
    if (body.type === AST_NODE_TYPES.BlockStatement) {
      const [only, ...more] = body.body;
      if (!only || more.length > 0 || only.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
      body = only.expression;
    }
    if (body.type === AST_NODE_TYPES.UnaryExpression || body.type === AST_NODE_TYPES.AwaitExpression) body = body.argument;
  }
  const name = body.type === AST_NODE_TYPES.CallExpression ? calleeName(body.callee) : undefined;
  return name ? { node: callback, name, delay: delayText } : undefined;
}

function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier)
    return callee.property.name;
  return undefined;
}

/** The local name of `name` imported from `module`, if the file imports it. */
function importedName(program: TSESTree.Program, module: string, name: string): string | undefined {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== module || statement.importKind === 'type')
      continue;
    for (const specifier of statement.specifiers) {
      if (
        specifier.type === AST_NODE_TYPES.ImportSpecifier &&
        specifier.importKind !== 'type' &&
        specifier.imported.type === AST_NODE_TYPES.Identifier &&
        specifier.imported.name === name
      )
        return specifier.local.name;
    }
  }
  return undefined;
}

/** The imported `defineTasks` binding that has `variant`, with the variant's payload fields. */
function tasksBinding(
  program: TSESTree.Program,
  filename: string,
  variant: string,
): { local: string; fields: readonly CallField[] | undefined } | undefined {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type' || !statement.source.value.startsWith('.'))
      continue;
    const specifiers = statement.specifiers.filter(
      (specifier): specifier is TSESTree.ImportSpecifier =>
        specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type',
    );
    if (specifiers.length === 0) continue;
    const file = resolveModule(filename, statement.source.value);
    const bindings = file === undefined ? undefined : taskVariantsOf(file);
    for (const specifier of specifiers) {
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      const variants = bindings?.get(imported);
      if (variants?.has(variant)) return { local: specifier.local.name, fields: variants.get(variant) };
    }
  }
  return undefined;
}

/**
 * Names the work reads from the handler's scope (not module-level, not globals), or `undefined`
 * when the work uses `this` or writes a captured binding (the codemod bails on both).
 */
function captures(work: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): Set<string> | undefined {
  const [start, end] = work.range;
  const inside = (range: TSESTree.Range) => range[0] >= start && range[1] <= end;
  const names = new Set<string>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    if (scope.block.range[1] < start || scope.block.range[0] > end) continue;
    for (const reference of scope.references) {
      if (!inside(reference.identifier.range) || !reference.isValueReference) continue;
      const variable = reference.resolved;
      if (!variable || variable.scope.type === 'module' || variable.scope.type === 'global') continue;
      if (variable.defs.some((definition) => inside(definition.name.range))) continue;
      if (reference.isWrite()) return undefined;
      names.add(variable.name);
    }
  }
  return hasThis(work) ? undefined : names;
}

function hasThis(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ThisExpression) return true;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === 'object' && 'type' in child && hasThis(child as TSESTree.Node)) return true;
    }
  }
  return false;
}
