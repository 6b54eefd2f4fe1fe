/**
 * GraphQL resolvers: the server runs a query or mutation resolver once per HTTP request (the
 * request's operation) and answers with what it returns, so a resolver is a request handler by
 * the product's definition. Recognised:
 * - methods decorated `@Query()`, `@Mutation()`, `@ResolveField()` / `@FieldResolver()` or
 *   `@ResolveReference()` imported from `@nestjs/graphql` or `type-graphql` (`certain`);
 * - functions (or `{ resolve }` field configs) of the `Query` / `Mutation` members of a resolver
 *   map (`{ Query: { user: (_, args) => ... } }`) in a module that imports a GraphQL server
 *   package (`certain`), or, without one, when the map is bound to or passed as `resolvers`
 *   (`heuristic`).
 * Subscriptions are not: their resolver returns an iterator the server reads for as long as the
 * client stays subscribed, not the answer of one request. Resolvers carry no route: their HTTP
 * path is the server's endpoint (`/graphql`), which the module does not know.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext } from '../../handlers/detector.js';
import { importPath } from '../../handlers/import-path.js';
import { makeHandler } from '../../handlers/make-handler.js';
import type { Confidence, FunctionNode, HandlerFinding } from '../../handlers/types.js';
import { unwrap } from '../../ast/unwrap.js';
import { walk } from '../../ast/walk.js';

/** Packages whose decorators mark resolver methods. */
const DECORATOR_PACKAGES = new Set(['@nestjs/graphql', 'type-graphql']);
/** Decorators of a method the server calls per request, and the operation type each names. */
const RESOLVER_DECORATORS: Readonly<Record<string, string>> = {
  Query: 'Query',
  Mutation: 'Mutation',
  ResolveField: 'field',
  FieldResolver: 'field',
  ResolveReference: 'reference',
};
/** Root operation types of a resolver map whose resolvers answer one request. */
const ROOT_TYPES = new Set(['Query', 'Mutation']);
/** A module importing one of these serves GraphQL: its resolver maps are `certain`. */
const SERVER_PACKAGE =
  /^(?:graphql|graphql-yoga|@graphql-yoga\/.+|@apollo\/server|apollo-server(?:-.+)?|@graphql-tools\/.+|mercurius|graphql-http|express-graphql|@nestjs\/graphql|type-graphql)$/;
// Cheap pre-filter: a decorator or a root type key.
export const CANDIDATE = /@(?:Query|Mutation|ResolveField|FieldResolver|ResolveReference)\b|\b(?:Query|Mutation)\s*:/;

export function detectGraphql(ctx: DetectContext): HandlerFinding[] {
  if (ctx.text !== undefined && !CANDIDATE.test(ctx.text)) return [];
  const handlers: HandlerFinding[] = [];
  if ([...ctx.imports.modules].some((module) => DECORATOR_PACKAGES.has(module))) handlers.push(...decoratedResolvers(ctx));
  handlers.push(...resolverMaps(ctx));
  return handlers.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

function decoratedResolvers(ctx: DetectContext): HandlerFinding[] {
  const handlers: HandlerFinding[] = [];
  walk(ctx.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.ClassDeclaration && node.type !== AST_NODE_TYPES.ClassExpression) return;
    const className = node.id?.name ?? '(anonymous class)';
    for (const member of node.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition || member.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
      const decorator = member.decorators.map((d) => resolverDecorator(d, ctx)).find((d) => d !== undefined);
      if (decorator === undefined) continue;
      const name = member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : '(computed)';
      const operation = RESOLVER_DECORATORS[decorator.name]!;
      handlers.push(
        makeHandler({
          node: member.value,
          framework: 'graphql',
          kind: 'route',
          confidence: 'certain',
          via: `\`@${decorator.name}()\` (\`${decorator.module}\`) in class \`${className}\``,
          label: operation === 'Query' || operation === 'Mutation' ? `${operation} ${name}` : `resolver ${className}.${name}`,
          filename: ctx.filename,
        }),
      );
    }
  });
  return handlers;
}

function resolverDecorator(decorator: TSESTree.Decorator, ctx: DetectContext): { module: string; name: string } | undefined {
  const expression = decorator.expression;
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  const source = ctx.imports.sourceOf(callee);
  if (source === undefined || !DECORATOR_PACKAGES.has(source.module)) return undefined;
  const path = importPath(source);
  const name = path.length === 1 ? path[0]! : undefined;
  return name !== undefined && name in RESOLVER_DECORATORS ? { module: source.module, name } : undefined;
}

/** `{ Query: { ... }, Mutation: { ... } }` object literals and their resolver functions. */
function resolverMaps(ctx: DetectContext): HandlerFinding[] {
  const serves = [...ctx.imports.modules].some((module) => SERVER_PACKAGE.test(module));
  const handlers: HandlerFinding[] = [];
  walk(ctx.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return;
    const roots = node.properties.filter(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && ROOT_TYPES.has(keyName(p) ?? ''),
    );
    if (roots.length === 0) return;
    const confidence: Confidence | undefined = serves ? 'certain' : namedResolvers(node) ? 'heuristic' : undefined;
    if (confidence === undefined) return;
    for (const root of roots) {
      const fields = unwrap(root.value);
      if (fields.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const field of fields.properties) {
        if (field.type !== AST_NODE_TYPES.Property) continue;
        const fn = resolverFunction(field.value);
        if (fn === undefined) continue;
        const type = keyName(root)!;
        handlers.push(
          makeHandler({
            node: fn,
            framework: 'graphql',
            kind: 'route',
            confidence,
            via: serves ? `\`${type}\` of a GraphQL resolver map` : `\`${type}\` of an object named \`resolvers\``,
            label: `${type} ${keyName(field) ?? '(computed)'}`,
            filename: ctx.filename,
          }),
        );
      }
    }
  });
  return handlers;
}

/** A resolver is a function, or `{ resolve: fn }` (a field config with its own resolver). */
function resolverFunction(value: TSESTree.Node): FunctionNode | undefined {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) return node;
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const resolve = node.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && keyName(p) === 'resolve');
  return resolve ? resolverFunction(resolve.value) : undefined;
}

/** The map is bound to, or passed as, something named `resolvers` (`const resolvers = {...}`, `{ resolvers: {...} }`). */
function namedResolvers(node: TSESTree.ObjectExpression): boolean {
  const parent = node.parent;
  const name =
    parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
      ? parent.id.name
      : parent.type === AST_NODE_TYPES.Property && parent.value === node
        ? keyName(parent)
        : undefined;
  return name !== undefined && /resolvers$/i.test(name);
}

function keyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return typeof property.key.value === 'string' ? property.key.value : undefined;
}
