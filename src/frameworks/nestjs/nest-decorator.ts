/** Resolves a decorator or heritage expression to the `@nestjs/*` export it names. */
import type { TSESTree } from '@typescript-eslint/utils';
import { importPath } from '../../handlers/import-path.js';
import type { ImportIndex } from '../../handlers/types.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** A use of a NestJS export: `@Get(':id')` → `{ module: '@nestjs/common', name: 'Get', args: [':id' node] }`. */
export interface NestReference {
  /** The `@nestjs/*` package (`@nestjs/common`, `@nestjs/passport`, ...). */
  readonly module: string;
  /** The export's name as the package declares it, whatever the local alias (`Controller`, `AuthGuard`). */
  readonly name: string;
  /** Arguments of the call (`@Get(':id')`), empty for a bare reference (`@Injectable`). */
  readonly args: readonly TSESTree.CallExpressionArgument[];
}

/**
 * The NestJS export `expression` calls or names, through aliased imports
 * (`import { Get as HttpGet }`) and namespaces (`import * as common from '@nestjs/common'`).
 */
export function nestReference(expression: TSESTree.Node, imports: ImportIndex): NestReference | undefined {
  const call = expression.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
  const source = imports.sourceOf(call === undefined ? expression : call.callee);
  if (source === undefined || !source.module.startsWith('@nestjs/')) return undefined;
  const path = importPath(source);
  if (path.length !== 1) return undefined;
  return { module: source.module, name: path[0]!, args: call?.arguments ?? [] };
}

/** The NestJS decorators on a class or method, in source order. */
export function nestDecorators(decorators: readonly TSESTree.Decorator[], imports: ImportIndex): NestReference[] {
  const found: NestReference[] = [];
  for (const decorator of decorators) {
    const reference = nestReference(decorator.expression, imports);
    if (reference !== undefined) found.push(reference);
  }
  return found;
}
