/**
 * Follows framework instances through one module along the scope manager's references:
 * variables, reassignments, `this.x` class members, same-module function parameters and return
 * values, chained calls. Every method call on a tracked instance is recorded for the detector.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { AnnotatedBinding } from './annotated-binding.js';
import type { Instance } from './instance.js';
import { memberName } from '../ast/member-name.js';
import { parentOf } from '../ast/parent-of.js';
import { functionOfVariable, isFunction, resolveFunction } from '../ast/resolve-function.js';
import { unwrap } from '../ast/unwrap.js';
import { variableOf } from '../ast/variable-of.js';
import { walk } from '../ast/walk.js';

/** A method call on a tracked instance: `instance.method(...)`. */
export interface TrackedCall {
  readonly call: TSESTree.CallExpression;
  readonly method: string;
  readonly instance: Instance;
}

/** Decides what a method call on an instance returns (a chained instance) or `undefined`. */
export type ChainRule = (tracked: TrackedCall, tracker: Tracker) => Instance | undefined;

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

function isModuleExports(node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current.type === AST_NODE_TYPES.Identifier && (current.name === 'module' || current.name === 'exports');
}

export class Tracker {
  readonly calls: TrackedCall[] = [];
  private readonly tagged = new Map<TSESTree.Node, Instance>();
  private readonly variables = new Set<Variable>();
  private readonly members = new Map<ClassNode, Map<string, Instance>>();

  constructor(
    readonly scopeManager: ScopeManager,
    private readonly chain: ChainRule,
  ) {}

  /** The instance an expression evaluates to, if tracked. */
  instanceAt(node: TSESTree.Node): Instance | undefined {
    return this.tagged.get(unwrap(node));
  }

  /** Marks `expression` as evaluating to `instance` and follows where the value flows. */
  add(expression: TSESTree.Node, instance: Instance): void {
    let node = expression;
    while (
      node.parent &&
      (node.parent.type === AST_NODE_TYPES.TSAsExpression ||
        node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        node.parent.type === AST_NODE_TYPES.AwaitExpression ||
        node.parent.type === AST_NODE_TYPES.ChainExpression)
    ) {
      node = node.parent;
    }
    if (this.tagged.has(expression)) return;
    this.tagged.set(expression, instance);
    if (node !== expression) this.tagged.set(node, instance);
    const parent = node.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object === node) this.onMember(parent, instance);
        return;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
          if ((parent.parent.parent as TSESTree.Node | undefined)?.type === AST_NODE_TYPES.ExportNamedDeclaration) instance.exported = true;
          this.bindVariable(this.scopeManager.getDeclaredVariables(parent)[0], instance);
        }
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === node) this.onAssign(parent.left, instance);
        return;
      case AST_NODE_TYPES.PropertyDefinition:
        if (parent.value === node && parent.key.type === AST_NODE_TYPES.Identifier && !parent.static)
          this.bindMember(parent.parent.parent, parent.key.name, instance);
        return;
      case AST_NODE_TYPES.CallExpression:
        this.onArgument(parent, node, instance);
        return;
      case AST_NODE_TYPES.ReturnStatement:
        this.onReturn(parent, instance);
        return;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (parent.body === node) this.bindCalls(parent, instance);
        return;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
      case AST_NODE_TYPES.ExportSpecifier:
        instance.exported = true;
        return;
      case AST_NODE_TYPES.Property:
        if (parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) this.onObjectValue(parent.parent, instance);
        return;
      default:
        return;
    }
  }

  /** Every read of `variable` evaluates to `instance`. */
  bindVariable(variable: Variable | undefined, instance: Instance): void {
    if (!variable || this.variables.has(variable)) return;
    this.variables.add(variable);
    for (const reference of variable.references) {
      // `export default x` is both a type and a value reference; eslint-scope has no such flags.
      if (reference.isRead() && (reference as { isValueReference?: boolean }).isValueReference !== false)
        this.add(reference.identifier, instance);
    }
  }

  /** The parameter at `index` of a same-module function holds `instance`. */
  bindParameter(fn: TSESTree.Node | undefined, index: number, instance: Instance): void {
    if (!isFunction(fn)) return;
    const param = fn.params[index];
    if (!param) return;
    if (param.type === AST_NODE_TYPES.TSParameterProperty) {
      const classNode = (fn.parent as TSESTree.Node | undefined)?.parent?.parent;
      if (
        param.parameter.type === AST_NODE_TYPES.Identifier &&
        (classNode?.type === AST_NODE_TYPES.ClassDeclaration || classNode?.type === AST_NODE_TYPES.ClassExpression)
      ) {
        this.bindMember(classNode, param.parameter.name, instance);
      }
      return;
    }
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier)
      this.bindVariable(
        this.scopeManager.getDeclaredVariables(fn).find((v) => v.name === target.name),
        instance,
      );
  }

  /** The binding a type annotation names holds `instance` (a typed parameter, variable or class field). */
  bindAnnotated(binding: AnnotatedBinding | undefined, instance: Instance): void {
    if (binding?.type === 'param') this.bindParameter(binding.fn, binding.index, instance);
    else if (binding?.type === 'variable') this.bindVariable(this.scopeManager.getDeclaredVariables(binding.declarator)[0], instance);
    else if (binding?.type === 'member') this.bindMember(binding.classNode, binding.name, instance);
  }

  /** `this.<name>` inside `classNode` evaluates to `instance`; resolved in `finish`. */
  bindMember(classNode: TSESTree.Node | undefined, name: string, instance: Instance): void {
    if (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression) return;
    const names = this.members.get(classNode) ?? new Map<string, Instance>();
    if (!names.has(name)) names.set(name, instance);
    this.members.set(classNode, names);
  }

  /** Resolves `this.x` members: one walk per class that holds an instance. */
  finish(): void {
    const done = new Set<ClassNode>();
    for (let pending = [...this.members.keys()]; pending.length > 0; pending = [...this.members.keys()].filter((c) => !done.has(c))) {
      for (const classNode of pending) {
        done.add(classNode);
        const names = this.members.get(classNode)!;
        walk(classNode.body, (node) => {
          if ((node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) && node !== classNode)
            return false;
          if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
            const name = memberName(node);
            const instance = name === undefined ? undefined : names.get(name);
            if (instance && !(node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node))
              this.add(node, instance);
          }
          return undefined;
        });
      }
    }
  }

  private onMember(member: TSESTree.MemberExpression, instance: Instance): void {
    const method = memberName(member);
    const call = member.parent;
    if (method === undefined || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return;
    const tracked: TrackedCall = { call, method, instance };
    this.calls.push(tracked);
    const result = this.chain(tracked, this);
    if (result) this.add(call, result);
  }

  private onAssign(left: TSESTree.Node, instance: Instance): void {
    if (left.type === AST_NODE_TYPES.Identifier) {
      this.bindVariable(variableOf(this.scopeManager, left), instance);
    } else if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = memberName(left);
      let node: TSESTree.Node | undefined = left;
      while (node && node.type !== AST_NODE_TYPES.ClassBody) node = parentOf(node);
      if (name !== undefined && node) this.bindMember(node.parent, name, instance);
    } else if (left.type === AST_NODE_TYPES.MemberExpression && isModuleExports(left)) {
      instance.exported = true;
    }
  }

  private onArgument(call: TSESTree.CallExpression, node: TSESTree.Node, instance: Instance): void {
    const index = call.arguments.indexOf(node as TSESTree.CallExpressionArgument);
    if (index < 0) return;
    this.bindParameter(resolveFunction(this.scopeManager, call.callee), index, instance);
  }

  private onReturn(statement: TSESTree.ReturnStatement, instance: Instance): void {
    let node: TSESTree.Node | undefined = statement.parent;
    while (node && !isFunction(node)) node = node.parent;
    if (node) this.bindCalls(node, instance);
  }

  /** Calls of a same-module function that returns `instance` evaluate to it. */
  private bindCalls(fn: TSESTree.Node, instance: Instance): void {
    if (!isFunction(fn)) return;
    const declarator = fn.parent as TSESTree.Node | undefined;
    const id =
      fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? fn.id
        : declarator?.type === AST_NODE_TYPES.VariableDeclarator
          ? declarator.id
          : undefined;
    if (id?.type !== AST_NODE_TYPES.Identifier) return;
    const variable = variableOf(this.scopeManager, id);
    if (functionOfVariable(variable) !== fn) return;
    for (const reference of variable!.references) {
      const call = reference.identifier.parent as TSESTree.Node | undefined;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier) this.add(call, instance);
    }
  }

  private onObjectValue(object: TSESTree.ObjectExpression, instance: Instance): void {
    const holder = object.parent as TSESTree.Node | undefined;
    if (
      holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (holder?.type === AST_NODE_TYPES.AssignmentExpression && isModuleExports(holder.left))
    )
      instance.exported = true;
  }
}
