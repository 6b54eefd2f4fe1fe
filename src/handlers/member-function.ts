/**
 * Resolves `receiver.name` to a function written in the same module, for registrations
 * (`router.get('/x', controller.list)`) and for call reach (`this.notify()`, `service.notify()`).
 * Only what is certain without types: the class or object literal `this` is bound to, a `const`
 * object literal, a class declared in the module (static side) and a `const` instance of one.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { FunctionNode } from './types.js';
import { memberName } from '../ast/member-name.js';
import { propertyValue } from './object-literal.js';
import { isFunction, resolveFunction } from '../ast/resolve-function.js';
import { unwrap } from '../ast/unwrap.js';
import { variableOf } from '../ast/variable-of.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A same-module function reached through a member, with the name used in reach chains. */
export interface MemberFunction {
  readonly fn: FunctionNode;
  /** `InvoicesController.scheduleReminder`, `service.notify`. */
  readonly name: string;
}

/** The member name, with `#` for private names (`this.#send` → `#send`). */
function nameOf(member: TSESTree.MemberExpression): string | undefined {
  if (member.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.property.name}`;
  return memberName(member);
}

function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : undefined;
}

function className(node: ClassNode): string {
  if (node.id) return node.id.name;
  const parent = node.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : '(anonymous class)';
}

/** A method (not a getter, setter or constructor) or function-valued field of `node`, static or not. */
function classMethod(node: ClassNode, name: string, isStatic: boolean): MemberFunction | undefined {
  for (const element of node.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (element.static !== isStatic || keyName(element.key, element.computed) !== name) continue;
    const value =
      element.type === AST_NODE_TYPES.MethodDefinition
        ? element.kind === 'method'
          ? element.value
          : undefined
        : element.value && unwrap(element.value);
    return isFunction(value) ? { fn: value, name: `${className(node)}.${name}` } : undefined;
  }
  return undefined;
}

function objectMethod(
  scopeManager: ScopeManager,
  object: TSESTree.ObjectExpression,
  name: string,
  owner: string,
): MemberFunction | undefined {
  const value = propertyValue(object, name);
  if (!value || (value.parent as TSESTree.Property).kind !== 'init') return undefined;
  const fn = resolveFunction(scopeManager, value);
  return fn ? { fn, name: `${owner}.${name}` } : undefined;
}

/** The variable name an object literal is assigned to, for chain names. */
function objectName(object: TSESTree.ObjectExpression): string {
  const parent = object.parent;
  return parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : 'this';
}

/**
 * What `this` is bound to at `node`: arrow functions keep the outer `this`; a class method or
 * field initialiser binds the class (instance or static side); a method of an object literal
 * binds the object. Any other function rebinds `this` to something we cannot know.
 */
function thisOwner(node: TSESTree.Node): { class: ClassNode; isStatic: boolean } | { object: TSESTree.ObjectExpression } | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition && current.value && node.range[0] >= current.value.range[0]) {
      return { class: current.parent.parent, isStatic: current.static };
    }
    if (current.type === AST_NODE_TYPES.StaticBlock) return { class: current.parent.parent, isStatic: true };
    if (current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.FunctionDeclaration) continue;
    const holder = current.parent;
    if (holder.type === AST_NODE_TYPES.MethodDefinition) return { class: holder.parent.parent, isStatic: holder.static };
    if (holder.type === AST_NODE_TYPES.Property && holder.parent.type === AST_NODE_TYPES.ObjectExpression) return { object: holder.parent };
    return undefined;
  }
  return undefined;
}

/** The class a variable is bound to: `class C {}` or `const C = class {}`. */
function classOf(scopeManager: ScopeManager, identifier: TSESTree.Identifier): ClassNode | undefined {
  const variable = variableOf(scopeManager, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
  if (
    def?.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.node.parent.kind === 'const' &&
    def.node.init?.type === AST_NODE_TYPES.ClassExpression
  )
    return def.node.init;
  return undefined;
}

/** A local class (its static side), a `const` object literal, or a `const x = new LocalClass()` instance. */
function receiverOf(
  scopeManager: ScopeManager,
  identifier: TSESTree.Identifier,
): { class: ClassNode; isStatic: boolean } | { object: TSESTree.ObjectExpression } | undefined {
  const own = classOf(scopeManager, identifier);
  if (own) return { class: own, isStatic: true };
  const variable = variableOf(scopeManager, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.parent.kind !== 'const' || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  if (init.type === AST_NODE_TYPES.ObjectExpression) return { object: init };
  if (init.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const instanceOf = classOf(scopeManager, init.callee);
  return instanceOf ? { class: instanceOf, isStatic: false } : undefined;
}

/** The same-module function `member` names, if it can be known without types. */
export function memberFunction(scopeManager: ScopeManager, member: TSESTree.MemberExpression): MemberFunction | undefined {
  const name = nameOf(member);
  if (name === undefined) return undefined;
  const object = unwrap(member.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const owner = thisOwner(member);
    if (!owner) return undefined;
    return 'class' in owner
      ? classMethod(owner.class, name, owner.isStatic)
      : objectMethod(scopeManager, owner.object, name, objectName(owner.object));
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const receiver = receiverOf(scopeManager, object);
  if (!receiver) return undefined;
  return 'class' in receiver
    ? classMethod(receiver.class, name, receiver.isStatic)
    : objectMethod(scopeManager, receiver.object, name, object.name);
}
