import type { RoleGuard } from './role-guard.js';
import { runInRequestScope } from './request-scope.js';

// Structural types only, as for the admission middleware: the runtime depends on no web framework.
// Every adapter classifies the path the framework routes on and, when the request is served here,
// runs what follows inside the request scope the workspace guard reads.

interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  /** Express keeps the full path here when a router is mounted under a prefix. */
  originalUrl?: string | undefined;
}

interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/**
 * Express / Connect / `node:http` middleware: `app.use(expressRoleGuard(guard))`, before the
 * routes. Mount it after body parsers: their callbacks run outside the request scope, so the
 * workspace guard would not see handlers they call.
 */
export function expressRoleGuard(guard: RoleGuard) {
  return (req: NodeRequestLike, res: NodeResponseLike, next: (error?: unknown) => void): void => {
    const decision = guard.decide(req.method ?? 'GET', req.originalUrl ?? req.url ?? '/');
    if (!decision.serve) {
      res.statusCode = decision.status;
      for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
      res.end(decision.body);
      return;
    }
    runInRequestScope(decision.scope, next);
  };
}

interface FastifyRequestLike {
  method: string;
  url: string;
}

interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  send(payload: string): unknown;
}

type FastifyHook = (request: FastifyRequestLike, reply: FastifyReplyLike, done: () => void) => void;

interface FastifyLike {
  addHook(name: 'onRequest' | 'preHandler', hook: FastifyHook): unknown;
}

const fastifyScopes = new WeakMap<FastifyRequestLike, Parameters<typeof runInRequestScope>[0]>();

/**
 * Fastify: `fastifyRoleGuard(app, guard)` on the root instance, before the routes are registered.
 * Adds an `onRequest` hook that answers 421 before the body is read, and a `preHandler` hook that
 * enters the request scope (after body parsing, whose stream events run outside it).
 */
export function fastifyRoleGuard(app: FastifyLike, guard: RoleGuard): void {
  app.addHook('onRequest', (request, reply, done) => {
    const decision = guard.decide(request.method, request.url);
    if (!decision.serve) {
      reply.code(decision.status);
      for (const [name, value] of Object.entries(decision.headers)) reply.header(name, value);
      reply.send(decision.body);
      return;
    }
    fastifyScopes.set(request, decision.scope);
    done();
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const scope = fastifyScopes.get(request);
    if (scope === undefined) done();
    else runInRequestScope(scope, done);
  });
}

interface KoaContextLike {
  method: string;
  /** Koa's full request path (koa-mount rewrites `path`, not `originalUrl`). */
  originalUrl: string;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

/** Koa middleware: `app.use(koaRoleGuard(guard))`, before the routers. */
export function koaRoleGuard(guard: RoleGuard) {
  return async (ctx: KoaContextLike, next: () => Promise<unknown>): Promise<void> => {
    const decision = guard.decide(ctx.method, ctx.originalUrl);
    if (!decision.serve) {
      ctx.status = decision.status;
      for (const [name, value] of Object.entries(decision.headers)) ctx.set(name, value);
      ctx.body = decision.body;
      return;
    }
    await runInRequestScope(decision.scope, next);
  };
}

interface HonoContextLike {
  req: { method: string; url: string };
  body(data: string, status: 421, headers: Record<string, string>): Response;
}

/** Hono middleware: `app.use(honoRoleGuard(guard))`, before the routes. */
export function honoRoleGuard(guard: RoleGuard) {
  return async (c: HonoContextLike, next: () => Promise<void>): Promise<Response | undefined> => {
    const decision = guard.decide(c.req.method, pathOf(c.req.url));
    if (!decision.serve) return c.body(decision.body, decision.status, { ...decision.headers });
    await runInRequestScope(decision.scope, next);
    return undefined;
  };
}

/**
 * Next.js route handler (or any `Request → Response` handler) wrapper:
 * `export const GET = withRoleGuard(guard, async (request) => …)`. The path is the request URL's
 * pathname; with a Next.js `basePath`, declare routes with the base path included.
 */
export function withRoleGuard<Args extends unknown[]>(
  guard: RoleGuard,
  handler: (request: Request, ...rest: Args) => Promise<Response> | Response,
) {
  return async (request: Request, ...rest: Args): Promise<Response> => {
    const decision = guard.decide(request.method, pathOf(request.url));
    if (!decision.serve) return new Response(decision.body, { status: decision.status, headers: decision.headers });
    return runInRequestScope(decision.scope, () => handler(request, ...rest));
  };
}

/** The raw (not percent-decoded) path of an absolute URL, query included (the classifier drops it). */
function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme === -1) return url;
  const slash = url.indexOf('/', scheme + 3);
  return slash === -1 ? '/' : url.slice(slash);
}
