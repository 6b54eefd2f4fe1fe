import type { AdmissionControl } from './admission-control.js';

// Structural types only: the runtime depends on no web framework.
interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
  once(event: 'close', listener: () => void): unknown;
}

const body = (reason: string): string => JSON.stringify({ error: 'Service Unavailable', reason });

/** Express / Connect / `node:http` middleware. `tenantOf` reads the tenant (after auth). */
export function expressAdmission<Req>(control: AdmissionControl, tenantOf: (req: Req) => string | undefined = () => undefined) {
  return (req: Req, res: NodeResponseLike, next: () => void): void => {
    const admission = control.admit(tenantOf(req));
    if (!admission.ok) {
      res.statusCode = admission.status;
      res.setHeader('Retry-After', String(admission.retryAfterSeconds));
      res.setHeader('Content-Type', 'application/json');
      res.end(body(admission.reason));
      return;
    }
    // 'close' fires after the response finished or the client went away: either way the slot is free.
    res.once('close', admission.release);
    next();
  };
}

interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  send(payload: unknown): unknown;
  raw: { once(event: 'close', listener: () => void): unknown };
}

/** Fastify `onRequest` hook: `app.addHook('onRequest', fastifyAdmission(control))`. */
export function fastifyAdmission<Req>(control: AdmissionControl, tenantOf: (req: Req) => string | undefined = () => undefined) {
  return (request: Req, reply: FastifyReplyLike, done: () => void): void => {
    const admission = control.admit(tenantOf(request));
    if (!admission.ok) {
      reply
        .code(admission.status)
        .header('Retry-After', String(admission.retryAfterSeconds))
        .send({ error: 'Service Unavailable', reason: admission.reason });
      return;
    }
    reply.raw.once('close', admission.release);
    done();
  };
}

interface KoaContextLike {
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

/** Koa middleware. The slot is released when downstream middleware settles. */
export function koaAdmission<Ctx extends KoaContextLike>(
  control: AdmissionControl,
  tenantOf: (ctx: Ctx) => string | undefined = () => undefined,
) {
  return async (ctx: Ctx, next: () => Promise<unknown>): Promise<void> => {
    const admission = control.admit(tenantOf(ctx));
    if (!admission.ok) {
      ctx.status = admission.status;
      ctx.set('Retry-After', String(admission.retryAfterSeconds));
      ctx.body = { error: 'Service Unavailable', reason: admission.reason };
      return;
    }
    try {
      await next();
    } finally {
      admission.release();
    }
  };
}

interface HonoContextLike {
  json(object: unknown, status: number, headers: Record<string, string>): Response;
}

/** Hono middleware: `app.use(honoAdmission(control))`. */
export function honoAdmission<C extends HonoContextLike>(
  control: AdmissionControl,
  tenantOf: (c: C) => string | undefined = () => undefined,
) {
  return async (c: C, next: () => Promise<void>): Promise<Response | undefined> => {
    const admission = control.admit(tenantOf(c));
    if (!admission.ok)
      return c.json({ error: 'Service Unavailable', reason: admission.reason }, admission.status, {
        'Retry-After': String(admission.retryAfterSeconds),
      });
    try {
      await next();
      return undefined;
    } finally {
      admission.release();
    }
  };
}

/** Next.js route handler (or any `Request → Response` handler) wrapper. */
export function withAdmission<Args extends unknown[]>(
  control: AdmissionControl,
  handler: (request: Request, ...rest: Args) => Promise<Response>,
  tenantOf: (request: Request) => string | undefined = () => undefined,
) {
  return async (request: Request, ...rest: Args): Promise<Response> => {
    const admission = control.admit(tenantOf(request));
    if (!admission.ok) {
      return new Response(body(admission.reason), {
        status: admission.status,
        headers: { 'Retry-After': String(admission.retryAfterSeconds), 'Content-Type': 'application/json' },
      });
    }
    try {
      return await handler(request, ...rest);
    } finally {
      admission.release();
    }
  };
}
