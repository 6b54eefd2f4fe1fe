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
      } else {
        return;
      }
    }
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
