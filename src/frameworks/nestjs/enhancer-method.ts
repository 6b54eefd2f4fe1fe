/**
 * NestJS request-pipeline classes (middleware, guards, interceptors, exception filters) and the
 * one method of each that runs per request.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Confidence } from '../../handlers/types.js';
import type { ImportIndex } from '../../handlers/types.js';
import { nestReference, type NestReference } from './nest-decorator.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** The per-request method of a pipeline class and how we know the class is one. */
export interface EnhancerMethod {
  readonly method: string;
  readonly confidence: Confidence;
  /** Provenance for `Handler.via`, e.g. "`implements CanActivate` (`@nestjs/common`)". */
  readonly via: string;
}

/** `@nestjs/common` interfaces and the method each requires. */
const INTERFACES: Readonly<Record<string, string>> = {
  NestMiddleware: 'use',
  CanActivate: 'canActivate',
  NestInterceptor: 'intercept',
  ExceptionFilter: 'catch',
  WsExceptionFilter: 'catch',
  RpcExceptionFilter: 'catch',
};

/**
 * Per-request method of a class extending a Nest base class, by the base's name suffix.
 * `PassportStrategy(...)` (`@nestjs/passport`) calls `validate` from its guard on every request.
 */
const BASE_METHODS: Readonly<Record<string, string>> = {
  Guard: 'canActivate',
  Interceptor: 'intercept',
  Filter: 'catch',
  Strategy: 'validate',
};

/** Methods an `@Injectable()` class without `implements` is recognised by (heuristic), with their minimum arity. */
const SHAPES: readonly { readonly method: string; readonly params: number }[] = [
  { method: 'canActivate', params: 1 },
  { method: 'intercept', params: 2 },
  { method: 'use', params: 3 },
];

/**
 * The per-request method of `node` when the class is a Nest middleware, guard, interceptor or
 * filter (or Passport strategy): by `implements` of a Nest interface, by `@Catch()`, by
 * extending a Nest base class (`AuthGuard('jwt')` and `PassportStrategy(Strategy)` from
 * `@nestjs/passport`, `BaseExceptionFilter`, `ThrottlerGuard`: the suffix `Guard` /
 * `Interceptor` / `Filter` / `Strategy` names the role), or, as a heuristic, by an
 * `@Injectable()` class having `canActivate(context)`, `intercept(context, next)` or
 * `use(req, res, next)`.
 */
export function enhancerMethods(
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  classDecorators: readonly NestReference[],
  imports: ImportIndex,
): EnhancerMethod[] {
  const found = new Map<string, EnhancerMethod>();
  const add = (method: string, confidence: Confidence, via: string): void => {
    if (!found.has(method)) found.set(method, { method, confidence, via });
  };
  for (const heritage of node.implements) {
    const reference = nestReference(heritage.expression, imports);
    const method = reference === undefined ? undefined : INTERFACES[reference.name];
    if (reference !== undefined && method !== undefined)
      add(method, 'certain', `\`implements ${reference.name}\` (\`${reference.module}\`)`);
  }
  if (classDecorators.some((decorator) => decorator.name === 'Catch' && decorator.module === '@nestjs/common')) {
    add('catch', 'certain', '`@Catch()` exception filter (`@nestjs/common`)');
  }
  const base = node.superClass === null ? undefined : nestReference(node.superClass, imports);
  const role = base === undefined ? undefined : /(Guard|Interceptor|Filter|Strategy)$/.exec(base.name)?.[1];
  if (base !== undefined && role !== undefined) {
    add(BASE_METHODS[role]!, 'certain', `\`extends ${base.name}\` (\`${base.module}\`)`);
  }
  if (classDecorators.some((decorator) => decorator.name === 'Injectable' && decorator.module === '@nestjs/common')) {
    for (const shape of SHAPES) {
      const member = methodNamed(node, shape.method);
      if (member !== undefined && member.value.params.length >= shape.params) {
        add(shape.method, 'heuristic', `\`@Injectable()\` class with a \`${shape.method}()\` method`);
      }
    }
  }
  return [...found.values()];
}

/** The instance method called `name`, if the class body defines one with a body. */
export function methodNamed(
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
): (TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression }) | undefined {
  for (const member of node.body.body) {
    if (
      member.type === AST_NODE_TYPES.MethodDefinition &&
      member.kind === 'method' &&
      !member.static &&
      !member.computed &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === name &&
      member.value.type === AST_NODE_TYPES.FunctionExpression
    ) {
      return member as TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression };
    }
  }
  return undefined;
}
