import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { unwrap } from '../handlers/unwrap.js';
import type { Binding } from './bindings.js';
import { isPromiseAnnotation, isPromiseFunctionAnnotation } from './promise-annotation.js';
import { isRelativeSpecifier } from './resolve-module.js';
import type { ValueSummary } from './types.js';

const PROMISE_STATICS = new Set(['all', 'allSettled', 'race', 'any', 'resolve', 'reject', 'try']);
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * Summarises values of one module from its top-level bindings. Sound rather than clever: a
 * function "returns a promise" only when it is `async`, or every way out of it returns a value
 * proven to be a promise (`new Promise`, a `.then/.catch/.finally` chain, `Promise.all` & co.,
 * global `fetch`, or a call to a promise-returning function of the same module), or it is
 * annotated to return `Promise<T>` (the compiler enforces annotations).
 */
export class ValueSummariser {
  private readonly inProgress = new Set<TSESTree.Node>();

  constructor(
    private readonly bindings: ReadonlyMap<string, Binding>,
    /** Absolute path of a project module specifier (relative or alias), `undefined` when it does not resolve. */
    private readonly resolve: (specifier: string) => string | undefined,
  ) {}

  /** The summary of the value `node` evaluates to, `undefined` when unknown. */
  valueOf(node: TSESTree.Node): ValueSummary | undefined {
    const target = unwrap(node);
    if (this.inProgress.has(target)) return undefined;
    this.inProgress.add(target);
    try {
      return this.compute(target);
    } finally {
      this.inProgress.delete(target);
    }
  }

  /** The summary of a top-level name of the module. */
  bindingValue(name: string): ValueSummary | undefined {
    const binding = this.bindings.get(name);
    if (!binding) return undefined;
    if (binding.kind === 'value') return this.valueOf(binding.node);
    const file = this.resolve(binding.module);
    return file === undefined ? undefined : { kind: 'reexport', file, name: binding.name };
  }

  private compute(node: TSESTree.Node): ValueSummary | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return { kind: 'function', returnsPromise: this.returnsPromise(node) };
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        return this.classOf(node);
      case AST_NODE_TYPES.ObjectExpression:
        return { kind: 'object', members: this.objectMembers(node) };
      case AST_NODE_TYPES.Identifier:
        return this.bindingValue(node.name);
      case AST_NODE_TYPES.NewExpression:
        return this.constructed(node.callee);
      case AST_NODE_TYPES.AwaitExpression: {
        // `await makeWorkerUtils(...)`: a client made by an awaited package factory.
        const inner = unwrap(node.argument);
        return inner.type === AST_NODE_TYPES.CallExpression ? this.packageInstance(inner.callee) : undefined;
      }
      default:
        return undefined;
    }
  }

  private returnsPromise(node: TSESTree.FunctionLike): boolean {
    if (node.generator) return false;
    if (node.async || isPromiseAnnotation(node.returnType)) return true;
    const body = node.body;
    if (!body) return false;
    if (body.type !== AST_NODE_TYPES.BlockStatement) return this.isPromise(body);
    // Every path that does not return early reaches the last statement, so it must be a return too.
    const last = body.body.at(-1);
    if (last?.type !== AST_NODE_TYPES.ReturnStatement) return false;
    const returns: TSESTree.ReturnStatement[] = [];
    collectReturns(body, returns);
    return returns.every((statement) => statement.argument !== null && this.isPromise(statement.argument));
  }

  private isPromise(node: TSESTree.Node): boolean {
    const target = unwrap(node);
    if (target.type === AST_NODE_TYPES.ConditionalExpression) return this.isPromise(target.consequent) && this.isPromise(target.alternate);
    if (target.type === AST_NODE_TYPES.NewExpression) return this.isGlobalName(target.callee, 'Promise');
    if (target.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(target.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
      if (CHAIN_METHODS.has(callee.property.name)) return true;
      return PROMISE_STATICS.has(callee.property.name) && this.isGlobalName(callee.object, 'Promise');
    }
    if (this.isGlobalName(callee, 'fetch')) return true;
    const value = this.valueOf(callee);
    return value?.kind === 'function' && value.returnsPromise;
  }

  private isGlobalName(node: TSESTree.Node, name: string): boolean {
    const target = unwrap(node);
    return target.type === AST_NODE_TYPES.Identifier && target.name === name && !this.bindings.has(name);
  }

  private classOf(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ValueSummary {
    const instance = new Map<string, ValueSummary>();
    const statics = new Map<string, ValueSummary>();
    for (const member of node.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
      if (member.computed || member.key.type !== AST_NODE_TYPES.Identifier) continue;
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method') continue;
      // `send: (config: C) => Promise<boolean>;` assigned in the constructor: the annotation is the proof.
      const annotated = member.type === AST_NODE_TYPES.PropertyDefinition && isPromiseFunctionAnnotation(member.typeAnnotation);
      const value: ValueSummary | undefined = annotated ? { kind: 'function', returnsPromise: true } : member.value === null ? undefined : this.valueOf(member.value);
      if (value) (member.static ? statics : instance).set(member.key.name, value);
    }
    return { kind: 'class', instance, statics };
  }

  private objectMembers(node: TSESTree.ObjectExpression): Map<string, ValueSummary> {
    const members = new Map<string, ValueSummary>();
    for (const property of node.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init') continue;
      const key = property.computed ? undefined : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : literalKey(property.key);
      const value = key === undefined ? undefined : this.valueOf(property.value);
      if (key !== undefined && value) members.set(key, value);
    }
    return members;
  }

  /** `new LocalClass()` → its instance members; `new PackageClass()` → an instance of the package export. */
  private constructed(callee: TSESTree.Node): ValueSummary | undefined {
    const target = unwrap(callee);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const binding = this.bindings.get(target.name);
      if (binding?.kind === 'value') {
        const value = this.valueOf(binding.node);
        return value?.kind === 'class' ? { kind: 'object', members: value.instance } : undefined;
      }
    }
    return this.packageInstance(target);
  }

  private packageInstance(callee: TSESTree.Node): ValueSummary | undefined {
    const target = unwrap(callee);
    const members: string[] = [];
    let root: TSESTree.Node = target;
    while (root.type === AST_NODE_TYPES.MemberExpression && !root.computed && root.property.type === AST_NODE_TYPES.Identifier) {
      members.unshift(root.property.name);
      root = unwrap(root.object);
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const binding = this.bindings.get(root.name);
    // A project module (relative or a tsconfig alias) is not a package.
    if (binding?.kind !== 'import' || isRelativeSpecifier(binding.module) || this.resolve(binding.module) !== undefined) return undefined;
    const head = binding.name === 'default' || binding.name === '*' ? [] : [binding.name];
    const path = [...head, ...members];
    return { kind: 'instance', of: { module: binding.module, path: path[0] === 'default' ? path.slice(1) : path } };
  }
}

function literalKey(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}

/** The `return` statements of a function body, not those of functions nested in it. */
function collectReturns(node: TSESTree.Node, into: TSESTree.ReturnStatement[]): void {
  if (node.type === AST_NODE_TYPES.ReturnStatement) into.push(node);
  if (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type.startsWith('TS') ||
    node.type.endsWith('Expression')
  ) {
    return;
  }
  for (const key of visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(child) ? child : [child]) {
      if (item !== null && typeof item === 'object' && 'type' in item) collectReturns(item as TSESTree.Node, into);
    }
  }
}
