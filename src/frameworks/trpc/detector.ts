/**
 * tRPC: procedures `publicProcedure.input(schema).mutation(async ({ input, ctx }) => ...)` (also
 * `query` and `subscription`) and their middleware (`.use(fn)` in the chain, `t.middleware(fn)`).
 * A procedure is a request handler: the adapter runs it once per HTTP request and answers with
 * what it returns. The chain starts at `t.procedure` (`t` from `initTRPC` of '@trpc/server') or
 * at a binding named `…procedure` (`protectedProcedure` imported from '../trpc'): `certain` in a
 * module that imports '@trpc/server', else `heuristic` (the name and shape only). Procedures
 * carry no route: their HTTP path is the adapter's mount plus the procedure's key in the router
 * (`/api/trpc/user.create`), which the module does not know.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext, Detector } from '../../handlers/detector.js';
import type { Confidence, HandlerFinding, HandlerKind } from '../../handlers/types.js';
import { handlerFunctions } from '../../handlers/handler-functions.js';
import { makeHandler } from '../../handlers/make-handler.js';
import { memberName } from '../../ast/member-name.js';
import { unwrap } from '../../ast/unwrap.js';
import { walk } from '../../ast/walk.js';

const SERVER = '@trpc/server';
const PROCEDURES = new Set(['query', 'mutation', 'subscription']);
const BUILDERS = new Set(['input', 'output', 'use', 'meta', 'concat', 'unstable_concat']);
// Both a procedure (or middleware) call and a builder name: `db.query(...)` alone is not worth a walk.
const CANDIDATE = /\.\s*(?:query|mutation|subscription|middleware)\s*\(/;
const BUILDER = /procedure|@trpc\/server/i;

/** The text test `detectTrpc` starts with: a procedure (or middleware) call and a builder name. */
export function mayHoldProcedures(text: string): boolean {
  return CANDIDATE.test(text) && BUILDER.test(text);
}

/** The key a procedure is listed under in a router object (`create: publicProcedure…`). */
function procedureKey(call: TSESTree.CallExpression): string | undefined {
  const parent = call.parent;
  if (parent.type !== AST_NODE_TYPES.Property || parent.value !== call) return undefined;
  if (parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
  return parent.key.type === AST_NODE_TYPES.Literal && typeof parent.key.value === 'string' ? parent.key.value : undefined;
}

/** The builder a procedure chain starts from, with the `.use()` middleware arguments on the way. */
function chainOf(object: TSESTree.Node): { root: TSESTree.Node; middleware: TSESTree.Node[] } {
  const middleware: TSESTree.Node[] = [];
  let node = unwrap(object);
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(node.callee);
    if (method === undefined || !BUILDERS.has(method)) break;
    if (method === 'use' && node.arguments[0]) middleware.push(node.arguments[0]);
    node = unwrap(node.callee.object);
  }
  return { root: node, middleware };
}

/** How sure the chain's root is a tRPC procedure builder, or `undefined` when it is not one. */
function builderConfidence(root: TSESTree.Node, ctx: DetectContext): Confidence | undefined {
  const server = ctx.imports.modules.has(SERVER);
  if (root.type === AST_NODE_TYPES.MemberExpression && memberName(root) === 'procedure') return server ? 'certain' : undefined;
  if (root.type !== AST_NODE_TYPES.Identifier || !/procedure$/i.test(root.name)) return undefined;
  if (server) return 'certain';
  return ctx.imports.sourceOf(root) ? 'heuristic' : undefined;
}

function findings(
  ctx: DetectContext,
  nodes: readonly TSESTree.Node[],
  facts: { kind: HandlerKind; confidence: Confidence; via: string; label?: string },
): HandlerFinding[] {
  return nodes
    .flatMap((node) => handlerFunctions(ctx.scopeManager, node))
    .map((fn) => makeHandler({ node: fn, framework: 'trpc', filename: ctx.filename, ...facts }));
}

/** Recognises tRPC procedures and middleware. */
export const detectTrpc: Detector = (ctx) => {
  if (ctx.text !== undefined && !mayHoldProcedures(ctx.text)) return [];
  const server = ctx.imports.modules.has(SERVER);
  const handlers: HandlerFinding[] = [];
  walk(ctx.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = memberName(node.callee);
    if (method === 'middleware' && server) {
      handlers.push(
        ...findings(ctx, node.arguments.slice(0, 1), { kind: 'middleware', confidence: 'certain', via: '`.middleware()` of tRPC' }),
      );
      return;
    }
    if (method === undefined || !PROCEDURES.has(method) || !node.arguments[0]) return;
    const { root, middleware } = chainOf(node.callee.object);
    const confidence = builderConfidence(root, ctx);
    if (confidence === undefined) return;
    const builder = root.type === AST_NODE_TYPES.Identifier ? root.name : 't.procedure';
    const via = `\`.${method}()\` on tRPC's \`${builder}\``;
    const key = procedureKey(node);
    handlers.push(...findings(ctx, middleware, { kind: 'middleware', confidence, via: `\`.use()\` on tRPC's \`${builder}\`` }));
    handlers.push(
      ...findings(ctx, [node.arguments[0]], {
        kind: 'route',
        confidence,
        via,
        label: `${method} ${key ?? `${ctx.filename.split(/[\\/]/).pop() ?? ''}:${node.loc.start.line}`}`,
      }),
    );
  });
  return handlers;
};
