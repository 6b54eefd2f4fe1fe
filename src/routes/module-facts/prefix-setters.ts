/**
 * Calls that set an object's own prefix after its creation, as the framework registry names them
 * (koa-router's `router.prefix('/v1')`, see `prefixMethods` in `src/frameworks/framework.ts`).
 * The router rewrites every route it holds, registered before the call or after, so a call that
 * runs once, unconditionally, in the statement list that creates the router is its own prefix.
 * Anything else (a call under a condition or in another function, two calls, a prefix on an
 * object handed in) leaves the object's prefix unknown, with the reason; a call on an imported
 * object is recorded for the module that creates it (`ModuleFacts.prefixedImports`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import type { CreatedUnit } from '../facts.js';
import type { LocalImport } from './imports.js';
import { literalString } from './literal-string.js';
import { prefixSetter } from './prefix-methods.js';
import { unitDisplayName, unitOfExpression } from './units.js';
import type { ImportPrefixCall } from '../facts.js';
import { WHOLE_MODULE } from '../../modules/import-forms.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** The statement a call is part of when only expressions (a method chain, a `const x = …`) stand between them. */
function statementOf(call: TSESTree.Node): TSESTree.Node | undefined {
  let node = call;
  for (;;) {
    const parent = node.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== node) return undefined;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee !== node) return undefined;
        break;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.VariableDeclarator:
        break;
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.VariableDeclaration:
        return parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? parent.parent : parent;
      default:
        return undefined;
    }
    node = parent;
  }
}

/** Whether a receiver chain starts at an existing object (`router`, `this.router`), not at a creation (its own prefix, see `created.ts`). */
function onExistingObject(receiver: TSESTree.Node): boolean {
  let base = unwrap(receiver);
  while (base.type === AST_NODE_TYPES.CallExpression && unwrap(base.callee).type === AST_NODE_TYPES.MemberExpression)
    base = unwrap((unwrap(base.callee) as TSESTree.MemberExpression).object);
  return base.type === AST_NODE_TYPES.Identifier || base.type === AST_NODE_TYPES.MemberExpression;
}

/** The statement a declaration is, as it stands in its statement list. */
function asStatement(declaration: TSESTree.Node): TSESTree.Node {
  return declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
}

/**
 * Applies the prefix-setting calls among `calls` to `created` (the unit's `own`), and returns the
 * units whose own prefix they make unknown, with the reason in words for messages.
 * @param declaredIn the `VariableDeclaration` of each created variable.
 */
export function prefixSetters(
  calls: readonly TSESTree.CallExpression[],
  created: Map<string, CreatedUnit>,
  declaredIn: ReadonlyMap<string, TSESTree.Node>,
  imports: ReadonlyMap<string, LocalImport>,
  constants: ReadonlyMap<string, string>,
): { readonly unknown: Map<string, string>; readonly onImports: ImportPrefixCall[]; readonly handedIn: Map<string, string> } {
  const unknown = new Map<string, string>();
  const handedIn = new Map<string, string>();
  const onImports: ImportPrefixCall[] = [];
  const seen = new Set<string>();
  for (const call of calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) continue;
    const setter = prefixSetter(callee.property.name);
    if (setter === undefined || !onExistingObject(callee.object)) continue;
    const unit = unitOfExpression(callee.object);
    if (unit === undefined) continue;
    const unitCreated = created.get(unit);
    const where = `\`.${callee.property.name}()\` at line ${call.loc.start.line}`;
    const imported = imports.get(unit);
    if (unitCreated === undefined && imported !== undefined) {
      // `import router from './routes'; router.prefix('/api')`: the routes are in the other module, which asks (see `MountPrefixes.own`).
      const name = imported.name === WHOLE_MODULE ? 'default' : imported.name;
      onImports.push({ specifier: imported.specifier, name, method: callee.property.name, line: call.loc.start.line });
      continue;
    }
    if (unitCreated === undefined) {
      // A router handed in: Fleet cannot tell which routes the prefix reaches.
      const reason = `its prefix is set by ${where} on an object Fleet did not see created in the module`;
      if ([...imports.values()].some((from) => setter.packages.includes(from.specifier))) unknown.set(unit, reason);
      // Whatever the module imports: the module handing its router in reads it (see `MountPrefixes.own`).
      if (!handedIn.has(unit)) handedIn.set(unit, where);
      continue;
    }
    if (unitCreated.framework !== setter.framework) continue;
    const declaration = declaredIn.get(unit);
    const statement = statementOf(call);
    const value = literalString(call.arguments[0], constants);
    let reason: string | undefined;
    if (seen.has(unit)) reason = `its prefix is set more than once (again by ${where})`;
    else if (declaration === undefined || statement === undefined || statement.parent !== asStatement(declaration).parent)
      reason = `its prefix is set by ${where}, not unconditionally where \`${unitDisplayName(unit)}\` is created`;
    else if (unitCreated.own !== '') reason = `its prefix is set twice (the creation's and ${where})`;
    else if (value === undefined) reason = `its prefix set by ${where} is not a static string`;
    seen.add(unit);
    if (reason === undefined) created.set(unit, { ...unitCreated, own: setter.value(value!) });
    // The first reason found is the one messages give.
    else if (!unknown.has(unit)) unknown.set(unit, reason);
  }
  return { unknown, onImports, handedIn };
}
