/**
 * NestJS handlers: route methods of `@Controller()` classes (`@Get()`, `@Post()`, ...) and the
 * per-request method of middleware, guards, interceptors and exception filters. Decorators are
 * resolved through the import index, so aliases and namespace imports work and look-alike
 * decorators from other packages do not count. `@Cron`, `@OnEvent`, `@MessagePattern`,
 * gateways, lifecycle hooks and plain service methods are not HTTP handlers; GraphQL resolvers are
 * the `graphql` framework's (`src/frameworks/graphql/`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext } from '../../handlers/detector.js';
import type { HandlerFinding, RouteInfo } from '../../handlers/types.js';
import { enhancerMethods, methodNamed } from './enhancer-method.js';
import { nestDecorators, type NestReference } from './nest-decorator.js';
import { joinRoutePath, routePaths } from './route-paths.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** The class decorator that makes a class's decorated methods routes (the registry's `registrationCalls.classDecorators`). */
export const CONTROLLER = 'Controller';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** `@nestjs/common` route decorators and the HTTP method each registers (`All` → `*`, `Sse` → `GET`). */
const VERBS: Readonly<Record<string, string>> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Head: 'HEAD',
  Options: 'OPTIONS',
  All: '*',
  Search: 'SEARCH',
  Sse: 'GET',
  Propfind: 'PROPFIND',
  Proppatch: 'PROPPATCH',
  Mkcol: 'MKCOL',
  Copy: 'COPY',
  Move: 'MOVE',
  Lock: 'LOCK',
  Unlock: 'UNLOCK',
};

/**
 * Detects NestJS handlers in one module. Route paths join the controller prefix and the method
 * path as Nest does (`@Controller('users')` + `@Get(':id')` → `/users/:id`); the global prefix
 * (`app.setGlobalPrefix`), URI versioning and `RouterModule` paths live in other modules and are
 * not applied. When a controller or method declares several paths, the route uses the first
 * and sets `pathComplete: false`, as it does for paths that are not string constants. Methods
 * with route decorators in a class without `@Controller()` (a base class that controllers
 * extend) are routes with only the method path, `pathComplete: false`.
 */
export function detectNestjs(ctx: DetectContext): HandlerFinding[] {
  if (![...ctx.imports.modules].some((module) => module.startsWith('@nestjs/'))) return [];
  const handlers: HandlerFinding[] = [];
  for (const node of topLevelClasses(ctx.ast)) {
    const decorators = nestDecorators(node.decorators, ctx.imports);
    handlers.push(...routeHandlers(ctx, node, decorators));
    for (const enhancer of enhancerMethods(node, decorators, ctx.imports)) {
      if (enhancer.confidence === 'heuristic' && !ctx.settings.heuristics) continue;
      const member = methodNamed(node, enhancer.method);
      if (member === undefined) continue;
      const label = `${className(node)}.${enhancer.method}`;
      handlers.push({
        node: member.value,
        framework: 'nestjs',
        kind: 'middleware',
        confidence: enhancer.confidence,
        via: enhancer.via,
        route: undefined,
        label,
      });
    }
  }
  return handlers.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function routeHandlers(ctx: DetectContext, node: ClassNode, classDecorators: readonly NestReference[]): HandlerFinding[] {
  const controller = classDecorators.find((decorator) => decorator.name === CONTROLLER && decorator.module === '@nestjs/common');
  const prefixes = controller === undefined ? undefined : routePaths(controller.args[0], ctx.scopeManager);
  const handlers: HandlerFinding[] = [];
  for (const member of node.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
    const verbs = member.decorators.flatMap((decorator) => verbOf(decorator, ctx));
    const first = verbs[0];
    if (first === undefined) continue;
    const methods = [...new Set(verbs.map((verb) => verb.method))];
    const paths = routePaths(first.reference.args[0], ctx.scopeManager);
    const path = paths?.[0] === undefined ? undefined : joinRoutePath(prefixes?.[0] ?? '', paths[0]);
    const route: RouteInfo = {
      methods,
      path,
      pathComplete: prefixes?.length === 1 && paths?.length === 1,
      registration: first.decorator,
    };
    const where =
      controller === undefined
        ? `class \`${className(node)}\` without \`@Controller()\``
        : `\`@Controller()\` class \`${className(node)}\``;
    handlers.push({
      node: member.value,
      framework: 'nestjs',
      kind: 'route',
      confidence: 'certain',
      via: `\`@${first.reference.name}()\` (\`@nestjs/common\`) in ${where}`,
      route,
      label: `${methods.join(', ')} ${path ?? `${className(node)}.${memberName(member)}`}`,
    });
  }
  return handlers;
}

interface Verb {
  readonly decorator: TSESTree.Decorator;
  readonly reference: NestReference;
  readonly method: string;
}

function verbOf(decorator: TSESTree.Decorator, ctx: DetectContext): Verb[] {
  const [reference] = nestDecorators([decorator], ctx.imports);
  const method = reference?.module === '@nestjs/common' ? VERBS[reference.name] : undefined;
  return reference === undefined || method === undefined ? [] : [{ decorator, reference, method }];
}

/** Classes declared at the top level, exported or not (Nest never registers nested classes). */
function topLevelClasses(program: TSESTree.Program): ClassNode[] {
  const classes: ClassNode[] = [];
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.ClassExpression)
      classes.push(declaration);
  }
  return classes;
}

function className(node: ClassNode): string {
  return node.id?.name ?? '(anonymous class)';
}

function memberName(member: TSESTree.MethodDefinition): string {
  return member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : '(computed)';
}
