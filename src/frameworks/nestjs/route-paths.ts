/** Static route paths of NestJS decorators (`@Controller('users')`, `@Get([':id', 'by-id/:id'])`). */
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { bindingValue } from '../nextjs/function-value.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * The paths a `@Controller()` or verb decorator argument declares: `['']` when there is no
 * argument, every string of an array, the `path` of a `@Controller({ path, version })` options
 * object, a same-module `const`'s string. `undefined` when the value is not statically known.
 */
export function routePaths(argument: TSESTree.Node | undefined, scopeManager: ScopeManager, depth = 0): string[] | undefined {
  if (argument === undefined) return [''];
  if (depth > 4) return undefined;
  switch (argument.type) {
    case AST_NODE_TYPES.Literal:
      return typeof argument.value === 'string' ? [argument.value] : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return argument.expressions.length === 0 ? [argument.quasis[0]?.value.cooked ?? ''] : undefined;
    case AST_NODE_TYPES.ArrayExpression: {
      const paths: string[] = [];
      for (const element of argument.elements) {
        const found =
          element === null || element.type === AST_NODE_TYPES.SpreadElement ? undefined : routePaths(element, scopeManager, depth + 1);
        if (found === undefined) return undefined;
        paths.push(...found);
      }
      return paths;
    }
    case AST_NODE_TYPES.ObjectExpression: {
      const path = argument.properties.find(
        (property): property is TSESTree.Property =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === 'path',
      );
      // A spread may carry the path; without one, an options object without `path` means the root.
      if (path === undefined)
        return argument.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement) ? undefined : [''];
      return routePaths(path.value, scopeManager, depth + 1);
    }
    case AST_NODE_TYPES.Identifier: {
      const value = bindingValue(argument, scopeManager);
      return value === undefined ? undefined : routePaths(value, scopeManager, depth + 1);
    }
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return routePaths(argument.expression, scopeManager, depth + 1);
    default:
      return undefined;
  }
}

/** Joins a controller prefix and a method path the way Nest does: one `/` between, a leading `/`, no trailing `/`. */
export function joinRoutePath(prefix: string, path: string): string {
  const segments = `${prefix}/${path}`.split('/').filter((segment) => segment !== '');
  return `/${segments.join('/')}`;
}
