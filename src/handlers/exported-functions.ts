/**
 * The functions of a module that one of its exports names, read the way another module imports
 * it: `module.exports = new Ctl()` + `create` → `Ctl`'s `create` method, `export default { get }`
 * + `get`, `exports.list = …`, `export class Ctl { static create() {} }`, a `const` object that
 * gets its methods assigned (`const home = {}; home.get = async function …`), and with
 * `calls: 1` the functions a factory returns (`(opts) => async (ctx, next) => …`,
 * `currify((opts, req, res, next) => …)`). Only what the module's own source proves.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { handlerFunctions } from './handler-functions.js';
import { memberName } from '../ast/member-name.js';
import { propertyValue } from './object-literal.js';
import { isFunction } from '../ast/resolve-function.js';
import type { FunctionNode } from './types.js';
import { unwrap } from '../ast/unwrap.js';
import { variableOf } from '../ast/variable-of.js';
import { walk } from '../ast/walk.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** `module.exports` or `exports`. */
function isModuleExports(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'exports';
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    memberName(node) === 'exports'
  );
}

/** Top-level `const helpers = module.exports` (or `= exports`): names whose members are exports. */
function moduleExportsAliases(program: TSESTree.Program): ReadonlySet<string> {
  const aliases = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations)
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && isModuleExports(declarator.init))
        aliases.add(declarator.id.name);
  }
  return aliases;
}

/** `module.exports`, `exports`, or a name bound to one of them at the top level. */
function isExportsObject(node: TSESTree.Node, aliases: ReadonlySet<string>): boolean {
  return isModuleExports(node) || (node.type === AST_NODE_TYPES.Identifier && aliases.has(node.name));
}

/** The values the module exports as `name` (`default` = `export default` / `module.exports =`). */
function exportValues(program: TSESTree.Program, name: string): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  const aliases = moduleExportsAliases(program);
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      if (name === 'default') values.push(statement.declaration);
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source == null) {
      const declaration = statement.declaration;
      if (
        (declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) &&
        declaration.id?.name === name
      )
        values.push(declaration);
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations)
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init)
            values.push(declarator.init);
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        if (exported === name) values.push(specifier.local);
      }
    } else if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      statement.expression.operator === '='
    ) {
      const { left, right } = statement.expression;
      if (name === 'default' && isModuleExports(left) && left.type === AST_NODE_TYPES.MemberExpression) values.push(right);
      else if (left.type === AST_NODE_TYPES.MemberExpression && isExportsObject(left.object, aliases) && memberName(left) === name)
        values.push(right);
    }
  }
  return values;
}

/** The names the module exports values under (`default` for `export default` / `module.exports =`), in source order. */
export function exportNames(program: TSESTree.Program): string[] {
  const names = new Set<string>();
  const aliases = moduleExportsAliases(program);
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) names.add('default');
    else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source == null) {
      const declaration = statement.declaration;
      if (
        (declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) &&
        declaration.id
      )
        names.add(declaration.id.name);
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration)
        for (const declarator of declaration.declarations)
          if (declarator.id.type === AST_NODE_TYPES.Identifier) names.add(declarator.id.name);
      for (const specifier of statement.specifiers)
        names.add(specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value);
    } else if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      statement.expression.operator === '='
    ) {
      const { left } = statement.expression;
      if (isModuleExports(left) && left.type === AST_NODE_TYPES.MemberExpression) names.add('default');
      else if (left.type === AST_NODE_TYPES.MemberExpression && isExportsObject(left.object, aliases)) {
        const name = memberName(left);
        if (name !== undefined) names.add(name);
      }
    }
  }
  return [...names];
}

/** What an identifier is bound to for its whole life in this module (declaration or `const`/never-reassigned initialiser). */
export function boundValue(scopeManager: ScopeManager, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = variableOf(scopeManager, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  // A parameter's definition node is its function: only a function's or class's own name is bound to it.
  if (
    (def.type === DefinitionType.FunctionName || def.type === DefinitionType.ClassName) &&
    (def.node.type === AST_NODE_TYPES.FunctionDeclaration || def.node.type === AST_NODE_TYPES.ClassDeclaration)
  )
    return def.node;
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return undefined;
  if (variable!.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return def.node.init;
}

function classMember(node: ClassNode, name: string, isStatic: boolean): TSESTree.Node | undefined {
  for (const element of node.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (element.static !== isStatic || element.computed || element.key.type !== AST_NODE_TYPES.Identifier || element.key.name !== name)
      continue;
    if (element.type === AST_NODE_TYPES.MethodDefinition) return element.kind === 'method' ? element.value : undefined;
    return element.value ?? undefined;
  }
  return undefined;
}

/** `holder.name = value` statements for a module-level variable (`const home = {}; home.get = …`). */
function assignedMember(scopeManager: ScopeManager, identifier: TSESTree.Identifier, name: string): TSESTree.Node | undefined {
  const variable = variableOf(scopeManager, identifier);
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || memberName(member) !== name) continue;
    const assignment = member.parent;
    if (assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member && assignment.operator === '=')
      return assignment.right;
  }
  return undefined;
}

/** The value of member `name` of `value`, when the module proves it. */
function memberOf(scopeManager: ScopeManager, value: TSESTree.Node, name: string, depth: number): TSESTree.Node | undefined {
  const node = unwrap(value);
  if (depth > 4) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const target = boundValue(scopeManager, node);
      return (target && memberOf(scopeManager, target, name, depth + 1)) ?? assignedMember(scopeManager, node, name);
    }
    case AST_NODE_TYPES.ObjectExpression:
      return propertyValue(node, name);
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      return classMember(node, name, true);
    case AST_NODE_TYPES.NewExpression: {
      const callee = unwrap(node.callee);
      const made = callee.type === AST_NODE_TYPES.Identifier ? boundValue(scopeManager, callee) : callee;
      return made?.type === AST_NODE_TYPES.ClassDeclaration || made?.type === AST_NODE_TYPES.ClassExpression
        ? classMember(made, name, false)
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The functions `fn` returns (its expression body, or its `return` statements outside nested
 * functions), followed through what a factory composes: a `const` it returns (`const funcs =
 * clean([setUrl, logout]); return funcs;`) and the result of another same-module factory it
 * returns (`return cloudcmdMiddle({ config })`), at most {@link MAX_COMPOSITION} steps deep.
 */
function returnedFunctions(scopeManager: ScopeManager, fn: FunctionNode, depth = 0): FunctionNode[] {
  return returnedExpressions(fn).flatMap((returned) => composedFunctions(scopeManager, returned, depth));
}

const MAX_COMPOSITION = 3;

/** The expressions `fn` returns: its expression body, or its `return` arguments outside nested functions. */
export function returnedExpressions(fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: TSESTree.Node[] = [];
  walk(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found.push(node.argument);
    return undefined;
  });
  return found;
}

function composedFunctions(scopeManager: ScopeManager, returned: TSESTree.Node, depth: number): FunctionNode[] {
  const direct = handlerFunctions(scopeManager, returned);
  if (direct.length > 0 || depth >= MAX_COMPOSITION) return direct;
  const node = unwrap(returned);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const value = boundValue(scopeManager, node);
    return value && !isFunction(value) ? composedFunctions(scopeManager, value, depth + 1) : [];
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    const factory = callee.type === AST_NODE_TYPES.Identifier ? boundValue(scopeManager, callee) : undefined;
    if (factory && isFunction(factory)) return returnedFunctions(scopeManager, factory, depth + 1);
  }
  return [];
}

/** The export's value after `members`, names followed to what they are bound to, or `undefined`. */
export function exportedValue(
  program: TSESTree.Program,
  scopeManager: ScopeManager,
  name: string,
  members: readonly string[],
): TSESTree.Node | undefined {
  for (const exported of exportValues(program, name)) {
    let value: TSESTree.Node | undefined = exported;
    for (const member of members) value = value && memberOf(scopeManager, value, member, 0);
    for (let hop = 0; hop < 3 && value?.type === AST_NODE_TYPES.Identifier; hop++) value = boundValue(scopeManager, value) ?? value;
    if (value) return unwrap(value);
  }
  return undefined;
}

/**
 * The functions of `program` run when another module registers its export `name` (`*` for the
 * whole module, `default` for `module.exports`), member path `members`, called `calls` times.
 * CommonJS interop both ways: `require('./m').list` is `exports.list` or `module.exports.list`.
 */
export function exportedFunctions(
  program: TSESTree.Program,
  scopeManager: ScopeManager,
  name: string,
  members: readonly string[],
  calls: 0 | 1,
): FunctionNode[] {
  const [first, ...rest] = members;
  const candidates: [string, readonly string[]][] = [];
  if (name === '*' || name === 'default') {
    if (name === 'default' || first === undefined) candidates.push(['default', members]);
    if (first !== undefined) candidates.push([first, rest], ['default', members]);
  } else {
    candidates.push([name, members], ['default', [name, ...members]]);
  }
  for (const [exportName, path] of candidates) {
    const value = exportedValue(program, scopeManager, exportName, path);
    if (!value) continue;
    // A factory's result; a wrapper call (`currify(fn)`) is partially applied, so its function runs.
    if (isFunction(value)) return calls === 0 ? [value] : returnedFunctions(scopeManager, value);
    return value.type === AST_NODE_TYPES.CallExpression ? handlerFunctions(scopeManager, value) : [];
  }
  return [];
}
