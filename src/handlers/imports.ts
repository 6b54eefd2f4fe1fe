/**
 * The import index: which module a local name comes from, through ESM imports, `require()`,
 * `import x = require()`, destructuring and `const` aliases (`const Router = express.Router`).
 * Built from the scope manager's references, so it never walks the whole tree. What each form
 * binds is `src/modules/import-forms.ts`'s table, shared with the route facts and module summaries.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { ImportIndex, ImportSource } from './types.js';
import { memberName } from '../ast/member-name.js';
import { unwrap } from '../ast/unwrap.js';
import { walk } from '../ast/walk.js';
import { isFunction, resolveFunction } from '../ast/resolve-function.js';
import { variableOf } from '../ast/variable-of.js';
import type { FunctionNode } from '../ast/function-node.js';
import { importedName, moduleString, requiredSpecifier, WHOLE_MODULE, withoutNodePrefix } from '../modules/import-forms.js';

const normalise = withoutNodePrefix;

function withMember(source: ImportSource, member: string): ImportSource {
  return { module: source.module, name: source.name, members: [...source.members, member] };
}

/** Destructuring a whole module (`const { Router } = require('express')`) names an export. */
function destructured(source: ImportSource, key: string): ImportSource {
  if (source.name === WHOLE_MODULE && source.members.length === 0) return { module: source.module, name: key, members: [] };
  return withMember(source, key);
}

function propertyKey(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string') return property.key.value;
  return undefined;
}

class Builder {
  readonly byIdentifier = new Map<TSESTree.Node, ImportSource>();
  readonly modules = new Set<string>();
  private readonly seen = new Set<Variable>();

  constructor(private readonly scopeManager: ScopeManager) {}

  /** Records `variable` as bound to `source` and follows its read references into aliases. */
  bindVariable(variable: Variable | undefined, source: ImportSource): void {
    if (!variable || this.seen.has(variable)) return;
    this.seen.add(variable);
    for (const def of variable.defs) this.byIdentifier.set(def.name, source);
    for (const reference of variable.references) {
      this.byIdentifier.set(reference.identifier, source);
      if (reference.isRead()) this.followAlias(reference.identifier, source);
    }
  }

  /** `const x = <expr>.a.b` and `const { a } = <expr>` where `<expr>` carries `source`. */
  followAlias(expression: TSESTree.Node, source: ImportSource): void {
    let node: TSESTree.Node = expression;
    let current = source;
    for (;;) {
      const parent = node.parent;
      if (!parent) return;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const name = memberName(parent);
        if (name === undefined) return;
        current = withMember(current, name);
        node = parent;
      } else if (
        parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.AwaitExpression
      ) {
        node = parent;
      } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
        this.bindPattern(parent.id, current);
        return;
      } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) {
        // `_mounts.main(router, middleware, controllers)`: the same-module function's parameter is the import too.
        this.bindParameter(parent, parent.arguments.indexOf(node as TSESTree.CallExpressionArgument), current);
        return;
      } else {
        return;
      }
    }
  }

  /**
   * The parameter at `index` of the same-module function `call` calls (a declaration, a `const`
   * function, or a member assigned once: `_mounts.main = (app, middleware, controllers) => …`),
   * bound to `source` when it is a plain name. The first call that passes an import decides.
   */
  bindParameter(call: TSESTree.CallExpression, index: number, source: ImportSource): void {
    if (index < 0 || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return;
    const fn = sameModuleFunction(this.scopeManager, unwrap(call.callee));
    const param = fn?.params[index];
    const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target?.type !== AST_NODE_TYPES.Identifier) return;
    this.bindVariable(
      this.scopeManager.getDeclaredVariables(fn!).find((variable) => variable.defs.some((def) => def.name === target)),
      source,
    );
  }

  bindPattern(pattern: TSESTree.Node, source: ImportSource): void {
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      this.bindVariable(findDeclared(this.scopeManager, pattern), source);
    } else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyKey(property);
        if (key === undefined) continue;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        this.bindPattern(value, destructured(source, key));
      }
    }
  }
}

/** The function a callee names in this module: `f`, or `holder.f` where `holder.f = fn` is assigned once or `holder` is a `const` object literal. */
function sameModuleFunction(scopeManager: ScopeManager, callee: TSESTree.Node): FunctionNode | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return resolveFunction(scopeManager, callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = memberName(callee);
  const holder = variableOf(scopeManager, callee.object);
  if (name === undefined || !holder) return undefined;
  const found: FunctionNode[] = [];
  for (const reference of holder.references) {
    const member = reference.identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || memberName(member) !== name) continue;
    const assignment = member.parent;
    if (assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member && isFunction(unwrap(assignment.right)))
      found.push(unwrap(assignment.right) as FunctionNode);
  }
  const init = holder.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator ? holder.defs[0].node.init : undefined;
  if (found.length === 0 && init?.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of init.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && propertyKey(property) === name && isFunction(property.value))
        found.push(property.value);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** The variable an identifier in a binding pattern declares. */
function findDeclared(scopeManager: ScopeManager, identifier: TSESTree.Identifier): Variable | undefined {
  let node: TSESTree.Node | undefined = identifier.parent;
  while (node && node.type !== AST_NODE_TYPES.VariableDeclarator) node = node.parent;
  if (!node) return undefined;
  return scopeManager.getDeclaredVariables(node).find((v) => v.defs.some((d) => d.name === identifier));
}

function requireCalls(scopeManager: ScopeManager): TSESTree.CallExpression[] {
  const global = scopeManager.globalScope;
  if (!global) return [];
  const identifiers: TSESTree.Identifier[] = [];
  for (const reference of global.through) {
    if (reference.identifier.name === 'require') identifiers.push(reference.identifier as TSESTree.Identifier);
  }
  // ESLint resolves configured globals (`globals.node`) to variables of the global scope.
  const declared = global.set.get('require');
  if (declared && declared.defs.length === 0) {
    for (const reference of declared.references) identifiers.push(reference.identifier as TSESTree.Identifier);
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const identifier of identifiers) {
    const call = identifier.parent as TSESTree.Node | undefined;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier && call.arguments.length === 1) calls.push(call);
  }
  return calls;
}

const DYNAMIC_IMPORT = /\bimport\s*\(/;

function seedImports(builder: Builder, scopeManager: ScopeManager, ast: TSESTree.Program): void {
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const module = normalise(statement.source.value);
      builder.modules.add(module);
      for (const specifier of statement.specifiers) {
        const variable = scopeManager.getDeclaredVariables(specifier)[0];
        builder.bindVariable(variable, { module, name: importedName(specifier), members: [] });
      }
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
    ) {
      const module = moduleString(statement.moduleReference.expression);
      if (module === undefined) continue;
      builder.modules.add(normalise(module));
      builder.bindVariable(scopeManager.getDeclaredVariables(statement)[0], { module: normalise(module), name: WHOLE_MODULE, members: [] });
    } else if (
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration) &&
      statement.source
    ) {
      builder.modules.add(normalise(statement.source.value));
    }
  }
}

/**
 * Builds the import index of a module. Cheap: it visits the top-level statements and the
 * references of imported names only.
 */
export function buildImportIndex(ast: TSESTree.Program, scopeManager: ScopeManager, text?: string): ImportIndex {
  const builder = new Builder(scopeManager);
  seedImports(builder, scopeManager, ast);
  // `const { findUp } = await import('find-up')`: the whole module, as `require('m')` (walked only
  // when the text may hold one, or is not known).
  if (text === undefined || DYNAMIC_IMPORT.test(text)) {
    walk(ast, (node) => {
      if (node.type !== AST_NODE_TYPES.ImportExpression) return undefined;
      const module = requiredSpecifier(node);
      if (module === undefined) return undefined;
      const source: ImportSource = { module: normalise(module), name: WHOLE_MODULE, members: [] };
      builder.modules.add(source.module);
      builder.byIdentifier.set(node, source);
      builder.followAlias(node, source);
      return undefined;
    });
  }
  for (const call of requireCalls(scopeManager)) {
    const module = requiredSpecifier(call);
    if (module === undefined) continue;
    const source: ImportSource = { module: normalise(module), name: WHOLE_MODULE, members: [] };
    builder.modules.add(source.module);
    builder.byIdentifier.set(call, source);
    builder.followAlias(call, source);
  }
  const { byIdentifier } = builder;
  const sourceOf = (node: TSESTree.Node): ImportSource | undefined => {
    const target = unwrap(node);
    if (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.CallExpression) return byIdentifier.get(target);
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(target);
      const object = name === undefined ? undefined : sourceOf(target.object);
      return object && name !== undefined ? withMember(object, name) : undefined;
    }
    if (target.type === AST_NODE_TYPES.TSQualifiedName) {
      const object = sourceOf(target.left);
      return object ? withMember(object, target.right.name) : undefined;
    }
    return undefined;
  };
  const uses = new Map<string, TSESTree.Node[]>();
  for (const [node, source] of byIdentifier) {
    // Declarations are not uses: skip the binding identifiers themselves.
    const parent = node.parent;
    if (
      parent &&
      (parent.type === AST_NODE_TYPES.ImportSpecifier ||
        parent.type === AST_NODE_TYPES.ImportDefaultSpecifier ||
        parent.type === AST_NODE_TYPES.ImportNamespaceSpecifier ||
        parent.type === AST_NODE_TYPES.TSImportEqualsDeclaration)
    )
      continue;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === node) continue;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectPattern) continue;
    const list = uses.get(source.module) ?? [];
    list.push(node);
    uses.set(source.module, list);
  }
  for (const list of uses.values()) list.sort((a, b) => a.range[0] - b.range[0]);
  return { sourceOf, modules: builder.modules, usesOf: (module) => uses.get(module) ?? [] };
}
