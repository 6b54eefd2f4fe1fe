/**
 * NestJS: the version a route declares itself, for URI versioning: `@Version('2')` on the method
 * wins over `@Controller({ path, version: '1' })` on its class.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** A static version, no version segment (`VERSION_NEUTRAL`), not static, or none declared (the app's default applies). */
export type NestRouteVersion =
  | { readonly kind: 'version'; readonly value: string }
  | { readonly kind: 'neutral' }
  | { readonly kind: 'dynamic' }
  | { readonly kind: 'default' };

function decoratorCall(decorators: readonly TSESTree.Decorator[], name: string): TSESTree.CallExpression | undefined {
  for (const decorator of decorators) {
    const expression = unwrap(decorator.expression);
    if (
      expression.type === AST_NODE_TYPES.CallExpression &&
      expression.callee.type === AST_NODE_TYPES.Identifier &&
      expression.callee.name === name
    )
      return expression;
  }
  return undefined;
}

function versionOf(node: TSESTree.Node): NestRouteVersion {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'VERSION_NEUTRAL') return { kind: 'neutral' };
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return { kind: 'version', value: value.value };
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0)
    return { kind: 'version', value: value.quasis[0]!.value.cooked ?? '' };
  return { kind: 'dynamic' };
}

/** The version of the Nest route registered by `registration` (its verb decorator). */
export function nestRouteVersion(registration: TSESTree.Node): NestRouteVersion {
  const method = registration.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition) return { kind: 'default' };
  const own = decoratorCall(method.decorators, 'Version');
  if (own) return own.arguments[0] ? versionOf(own.arguments[0]) : { kind: 'dynamic' };
  const owner = method.parent.parent;
  const options = decoratorCall(owner.decorators, 'Controller')?.arguments[0];
  const object = options && unwrap(options);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return { kind: 'default' };
  const version = object.properties.find(
    (p): p is TSESTree.Property =>
      p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'version',
  );
  if (version) return versionOf(version.value);
  return object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement) ? { kind: 'dynamic' } : { kind: 'default' };
}
