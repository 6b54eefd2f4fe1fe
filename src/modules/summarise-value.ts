import type * as TS from 'typescript';
import { ts } from './typescript.js';
import type { ModuleBinding } from './module-bindings.js';
import { isRelativeSpecifier } from './resolve-module.js';
import { hasModifier, isPromiseFunctionTypeNode, isPromiseTypeNode, requiredModule, skipWrappers, textOf } from './ts-nodes.js';
import type { FloatingSite, ModuleCall, ValueSummary } from './types.js';
import { callText, floatingSiteOf, guardAtCall, moduleCallsOf } from './floating-site.js';
import type { CallFacts } from './floating-site.js';

const PROMISE_STATICS = new Set(['all', 'allSettled', 'race', 'any', 'resolve', 'reject', 'try']);
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

type FunctionNode = TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction | TS.MethodDeclaration;

/**
 * Summarises values of one module from its top-level bindings. Sound rather than clever: a
 * function "returns a promise" only when it is `async`, or every way out of it returns a value
 * proven to be a promise (`new Promise`, a `.then/.catch/.finally` chain, `Promise.all` & co.,
 * global `fetch`, or a call to a promise-returning function of the same module), or it is
 * annotated to return `Promise<T>` (the compiler enforces annotations). Works on TypeScript's
 * own tree (see `ts-nodes.ts` for why) and keeps no node in what it returns.
 */
export class ValueSummariser {
  private readonly inProgress = new Set<TS.Node>();
  /**
   * Function summaries already made: a function called from many places (or through a chain of
   * same-module calls) is summarised once, not once per path to it.
   */
  private readonly functions = new Map<TS.Node, ValueSummary>();
  /** The classes whose members are being summarised, innermost last, for `this.method()` calls. */
  private readonly classes: TS.ClassLikeDeclaration[] = [];

  constructor(
    private readonly bindings: ReadonlyMap<string, ModuleBinding>,
    /** Absolute path of a project module specifier (relative or alias), `undefined` when it does not resolve. */
    private readonly resolve: (specifier: string) => string | undefined,
    /** The module's syntax tree, to place floating sites (see `floatingSiteOf`); none: not summarised. */
    private readonly source?: TS.SourceFile,
  ) {}

  /** The summary of the value `node` evaluates to, `undefined` when unknown. */
  valueOf(node: TS.Node): ValueSummary | undefined {
    const target = skipWrappers(node);
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

  private compute(node: TS.Node): ValueSummary | undefined {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
      const known = this.functions.get(node);
      if (known) return known;
      const floats = this.floatingSite(node);
      // A guarded site (`if (restart) stopApp()`) may be skipped by the caller: what else it calls still counts.
      const calls = floats && !floats.onlyIf ? [] : this.moduleCalls(node);
      const value: ValueSummary = {
        kind: 'function',
        returnsPromise: this.returnsPromise(node),
        ...(floats ? { floats } : {}),
        ...(calls.length > 0 ? { calls } : {}),
      };
      this.functions.set(node, value);
      return value;
    }
    if (ts.isClassLike(node)) return this.classOf(node);
    if (ts.isObjectLiteralExpression(node)) return { kind: 'object', members: this.objectMembers(node) };
    if (ts.isIdentifier(node)) return this.bindingValue(node.text);
    const required = requiredModule(node);
    if (required !== undefined) {
      // `{ authors: require('./authors') }`: the whole module, as a namespace.
      const file = this.resolve(required);
      return file === undefined ? undefined : { kind: 'reexport', file, name: '*' };
    }
    if (ts.isNewExpression(node)) return this.constructed(node.expression);
    if (ts.isCallExpression(node)) return this.callResult(node);
    if (ts.isAwaitExpression(node)) {
      // `await makeWorkerUtils(...)`: a client made by an awaited package factory.
      const inner = skipWrappers(node.expression);
      return ts.isCallExpression(inner) ? this.packageInstance(inner.expression) : undefined;
    }
    return undefined;
  }

  private floatingSite(node: FunctionNode): FloatingSite | undefined {
    if (!this.source || !node.body || !ts.isBlock(node.body)) return undefined;
    return floatingSiteOf(node.body, node, this.source, this.callFacts(node));
  }

  /** Calls of other project modules' functions the body makes (none when it floats work itself). */
  private moduleCalls(node: FunctionNode): readonly ModuleCall[] {
    if (!this.source || !node.body || !ts.isBlock(node.body)) return [];
    return moduleCallsOf(node.body, node, this.callFacts(node));
  }

  /** What the summariser knows about the calls `caller` makes. */
  private callFacts(caller: FunctionNode): CallFacts {
    const sameModule = (call: TS.CallExpression): ValueSummary | undefined =>
      this.valueOf(this.ownMethod(call.expression) ?? call.expression);
    return {
      returnsPromise: (call) => this.isPromise(call),
      floats: (call) => {
        const value = sameModule(call);
        return value?.kind === 'function' ? value.floats : undefined;
      },
      isBound: (name) => this.bindings.has(name),
      moduleCalls: (call) => {
        const imported = this.importedCallee(call.expression);
        const text = callText(call);
        if (imported) return [{ file: this.source!.fileName, text, ...imported }];
        const value = sameModule(call);
        if (value?.kind !== 'function' || !value.calls) return [];
        return value.calls.flatMap((inner) => {
          // `this.update(x, false)` of `update(name, value, restart) { if (restart) stopApp(); }`: not called.
          const guard = guardAtCall(inner.onlyIf, call, caller);
          if (guard === 'skipped') return [];
          const { file, module, name, members } = inner;
          return [{ file, module, name, members, text: `${text}() → ${inner.text}`, ...(guard ? { onlyIf: guard } : {}) }];
        });
      },
    };
  }

  /** `stopApp` / `helpers.stopApp` / `require('./h').stopApp` imported from a project module (not a package). */
  private importedCallee(callee: TS.Node): Pick<ModuleCall, 'module' | 'name' | 'members'> | undefined {
    const { root, members } = memberChain(callee);
    if (!ts.isIdentifier(root)) return undefined;
    const binding = this.bindings.get(root.text);
    if (binding?.kind !== 'import' || (!isRelativeSpecifier(binding.module) && this.resolve(binding.module) === undefined))
      return undefined;
    return { module: binding.module, name: binding.name, members };
  }

  private returnsPromise(node: FunctionNode): boolean {
    if (node.asteriskToken) return false;
    if (hasModifier(node, ts.SyntaxKind.AsyncKeyword) || isPromiseTypeNode(node.type)) return true;
    const body = node.body;
    if (!body) return false;
    if (!ts.isBlock(body)) return this.isPromise(body);
    // Every path that does not return early reaches the last statement, so it must be a return too.
    const last = body.statements.at(-1);
    if (!last || !ts.isReturnStatement(last)) return false;
    const returns: TS.ReturnStatement[] = [];
    collectReturns(body, returns);
    return returns.every((statement) => statement.expression !== undefined && this.isPromise(statement.expression));
  }

  private isPromise(node: TS.Node): boolean {
    const target = skipWrappers(node);
    if (ts.isConditionalExpression(target)) return this.isPromise(target.whenTrue) && this.isPromise(target.whenFalse);
    if (ts.isNewExpression(target)) return this.isGlobalName(target.expression, 'Promise');
    if (!ts.isCallExpression(target)) return false;
    const callee = skipWrappers(target.expression);
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name)) {
      if (CHAIN_METHODS.has(callee.name.text)) return true;
      return PROMISE_STATICS.has(callee.name.text) && this.isGlobalName(callee.expression, 'Promise');
    }
    if (this.isGlobalName(callee, 'fetch')) return true;
    const value = this.valueOf(callee);
    return value?.kind === 'function' && value.returnsPromise;
  }

  private isGlobalName(node: TS.Node, name: string): boolean {
    const target = skipWrappers(node);
    return ts.isIdentifier(target) && target.text === name && !this.bindings.has(name);
  }

  /** The method `this.name` names in the class being summarised (instance methods only). */
  private ownMethod(callee: TS.Node): TS.MethodDeclaration | undefined {
    const target = skipWrappers(callee);
    const owner = this.classes.at(-1);
    if (!owner || !ts.isPropertyAccessExpression(target) || target.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    return owner.members.find(
      (member): member is TS.MethodDeclaration =>
        ts.isMethodDeclaration(member) &&
        member.body !== undefined &&
        textOf(member.name) === target.name.text &&
        !hasModifier(member, ts.SyntaxKind.StaticKeyword),
    );
  }

  private classOf(node: TS.ClassLikeDeclaration): ValueSummary {
    this.classes.push(node);
    try {
      return this.classMembers(node);
    } finally {
      this.classes.pop();
    }
  }

  private classMembers(node: TS.ClassLikeDeclaration): ValueSummary {
    const instance = new Map<string, ValueSummary>();
    const statics = new Map<string, ValueSummary>();
    for (const member of node.members) {
      const name = member.name;
      if (!name || !ts.isIdentifier(name) || hasModifier(member, ts.SyntaxKind.AbstractKeyword)) continue;
      let value: ValueSummary | undefined;
      if (ts.isMethodDeclaration(member)) {
        // A body-less method is an overload signature: the implementation that follows proves.
        value = member.body ? this.valueOf(member) : undefined;
      } else if (ts.isPropertyDeclaration(member) && !hasModifier(member, ts.SyntaxKind.AccessorKeyword)) {
        // `send: (config: C) => Promise<boolean>;` assigned in the constructor: the annotation is the proof.
        value = isPromiseFunctionTypeNode(member.type)
          ? { kind: 'function', returnsPromise: true }
          : member.initializer
            ? this.valueOf(member.initializer)
            : undefined;
      }
      if (value) (hasModifier(member, ts.SyntaxKind.StaticKeyword) ? statics : instance).set(name.text, value);
    }
    return { kind: 'class', instance, statics };
  }

  private objectMembers(node: TS.ObjectLiteralExpression): Map<string, ValueSummary> {
    const members = new Map<string, ValueSummary>();
    for (const property of node.properties) {
      let value: ValueSummary | undefined;
      if (ts.isPropertyAssignment(property)) value = this.valueOf(property.initializer);
      else if (ts.isShorthandPropertyAssignment(property)) value = this.bindingValue(property.name.text);
      else if (ts.isMethodDeclaration(property)) value = this.valueOf(property);
      // Getters, setters and spreads prove nothing about a member's value.
      const key = ts.isSpreadAssignment(property) ? undefined : textOf(property.name);
      if (key !== undefined && value) members.set(key, value);
    }
    return members;
  }

  /** `new LocalClass()` → its instance members; `new PackageClass()` → an instance of the package export. */
  private constructed(callee: TS.Node): ValueSummary | undefined {
    const target = skipWrappers(callee);
    if (ts.isIdentifier(target)) {
      const binding = this.bindings.get(target.text);
      if (binding?.kind === 'value') {
        const value = this.valueOf(binding.node);
        return value?.kind === 'class' ? { kind: 'object', members: value.instance } : undefined;
      }
    }
    return this.packageInstance(target);
  }

  /**
   * `createMailer()` of a same-module factory whose one way out returns an object literal or a
   * `new` instance (`function createMailer() { return { async send() {} }; }`); otherwise the
   * result of a package factory (`Redis.fromEnv()`, `twilio(sid, token)`) as an instance of it.
   */
  private callResult(node: TS.CallExpression): ValueSummary | undefined {
    const callee = skipWrappers(node.expression);
    const binding = ts.isIdentifier(callee) ? this.bindings.get(callee.text) : undefined;
    if (binding?.kind !== 'value') return this.packageInstance(callee);
    const fn = skipWrappers(binding.node);
    if (!ts.isFunctionDeclaration(fn) && !ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) return undefined;
    if (!fn.body || fn.asteriskToken || hasModifier(fn, ts.SyntaxKind.AsyncKeyword)) return undefined;
    let result: TS.Node | undefined = fn.body;
    if (ts.isBlock(fn.body)) {
      const returns: TS.ReturnStatement[] = [];
      collectReturns(fn.body, returns);
      result = returns.length === 1 && fn.body.statements.at(-1) === returns[0] ? returns[0]!.expression : undefined;
    }
    const value = result ? skipWrappers(result) : undefined;
    return value && (ts.isObjectLiteralExpression(value) || ts.isNewExpression(value)) ? this.valueOf(value) : undefined;
  }

  private packageInstance(callee: TS.Node): ValueSummary | undefined {
    const { root, members } = memberChain(callee);
    if (!ts.isIdentifier(root)) return undefined;
    const binding = this.bindings.get(root.text);
    // A project module (relative or a tsconfig alias) is not a package.
    if (binding?.kind !== 'import' || isRelativeSpecifier(binding.module) || this.resolve(binding.module) !== undefined) return undefined;
    const head = binding.name === 'default' || binding.name === '*' ? [] : [binding.name];
    const path = [...head, ...members];
    return { kind: 'instance', of: { module: binding.module, path: path[0] === 'default' ? path.slice(1) : path } };
  }
}

/** The `return` statements of a function body, not those of functions or classes nested in it. */
function collectReturns(node: TS.Node, into: TS.ReturnStatement[]): void {
  const visit = (child: TS.Node): undefined => {
    if (ts.isReturnStatement(child)) into.push(child);
    if (!ts.isFunctionLike(child) && !ts.isClassLike(child)) ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
}

/** `a.b.c` as its root (`a`) and the member names after it (`['b', 'c']`), wrappers skipped. */
function memberChain(callee: TS.Node): { readonly root: TS.Node; readonly members: string[] } {
  const members: string[] = [];
  let root = skipWrappers(callee);
  while (ts.isPropertyAccessExpression(root) && ts.isIdentifier(root.name)) {
    members.unshift(root.name.text);
    root = skipWrappers(root.expression);
  }
  return { root, members };
}
