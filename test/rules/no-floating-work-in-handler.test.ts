// Conventions: every case is literal code; invalid cases assert messageId, position and
// `suggestions` (or `suggestions: null` when awaiting is not a valid fix). Framework handlers are
// recognised by the shared handler model from their imports; code outside handlers is never reported.
import { RuleTester } from '@typescript-eslint/rule-tester';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

// rule-tester 8.72 brings its own @typescript-eslint/utils, whose RuleModule type differs
// nominally from the 8.73 one the rule is built with; the runtime objects are the same.
const rule = noFloatingWorkInHandler as never;

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler', rule, {
  valid: [
    {
      name: 'elysia: awaited work, a returned promise, and startup work outside any request',
      code: `
import { Elysia } from 'elysia';
async function sendEmail(to: string) {}
async function warmCache() {}
new Elysia()
  .onStart(() => { warmCache(); })
  .post('/users', async ({ body, set }) => {
    await sendEmail(body.email);
    set.status = 201;
    return 'created';
  })
  .get('/ping', ({ query }) => sendEmail(query.to))
  .listen(3000);
`,
    },
    {
      name: 'trpc: awaited and returned work in procedures; a .query() outside tRPC is not a handler',
      code: `
import { protectedProcedure, createTRPCRouter } from '~/server/api/trpc';
async function sendInvite(email: string) {}
export const inviteRouter = createTRPCRouter({
  send: protectedProcedure.mutation(async ({ input }) => {
    await sendInvite(input.email);
    return { ok: true };
  }),
  resend: protectedProcedure.mutation(({ input }) => sendInvite(input.email)),
});
const pool = { query: async (sql: string) => [] };
export const warm = () => pool.query('SELECT 1');
`,
    },
    {
      name: 'sveltekit: the same code outside src/routes is no endpoint',
      filename: 'src/lib/server/reindex.ts',
      code: `
function reindex() {}
export function POST() {
  setTimeout(reindex, 1000);
  return new Response(null, { status: 202 });
}
`,
    },
    {
      name: 'nitro: a defineEventHandler default export outside server/ is not a route file',
      filename: 'src/utils/signup.ts',
      code: `
async function sendWelcome(email: string) {}
export default defineEventHandler(async (event) => {
  sendWelcome('x');
  return { ok: true };
});
`,
    },
    {
      name: 'react-router: a clientAction runs in the browser, not per request',
      filename: 'app/routes/signup.tsx',
      code: `
async function track(event: string) {}
export async function clientAction() {
  track('signup');
  return null;
}
`,
    },
    {
      name: 'express: awaited work, awaited enqueue, returned promise',
      code: `
import express from 'express';
import { Queue } from 'bullmq';
const app = express();
const queue = new Queue('mail');
async function sendEmail(to: string) {}
app.post('/users', async (req, res) => {
  await sendEmail(req.body.email);
  await queue.add('welcome', { to: req.body.email });
  res.status(202).json({ ok: true });
});
app.get('/ping', (req, res) => sendEmail('x'));
`,
    },
    {
      name: 'outside any handler nothing is reported',
      code: `
async function sendEmail() {}
void sendEmail();
setTimeout(() => sendEmail(), 0);
`,
    },
    {
      name: 'express: joined with Promise.all, pushed to an awaited array',
      code: `
import express from 'express';
const app = express();
async function sendEmail(to: string) {}
app.post('/batch', async (req, res) => {
  const jobs: Promise<void>[] = [];
  jobs.push(sendEmail('a'));
  await Promise.all([sendEmail('b'), ...jobs]);
  res.end();
});
`,
    },
    {
      name: 'express: awaited sleeps and a cleared timeout guard',
      code: `
import express from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
const app = express();
app.get('/slow', async (req, res) => {
  await new Promise((resolve) => setTimeout(resolve, 100));
  await sleep(100);
  const guard = setTimeout(() => controller.abort(), 5000);
  try { await work(); } finally { clearTimeout(guard); }
  res.end();
});
declare const controller: AbortController;
declare function work(): Promise<void>;
`,
    },
    {
      name: 'express: timeout raced inside an awaited new Promise',
      code: `
import express from 'express';
const app = express();
async function fetchData() { return 1; }
app.get('/race', async (req, res) => {
  const data = await Promise.race([
    fetchData(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
  ]);
  res.json(data);
});
`,
    },
    {
      name: 'express: a promise chain that settles an awaited new Promise',
      code: `
import express from 'express';
const app = express();
async function load() { return 1; }
app.get('/wrapped', async (req, res) => {
  const value = await new Promise((resolve, reject) => {
    load().then(resolve).catch(reject);
  });
  res.json(value);
});
`,
    },
    {
      name: 'express: middleware continuation with setImmediate(next) and req.setTimeout',
      code: `
import express from 'express';
const app = express();
app.use((req, res, next) => {
  req.setTimeout(5000);
  res.setTimeout(5000);
  setImmediate(next);
});
`,
    },
    {
      name: 'express: escape hatch with a reason, above and trailing',
      code: `
import express from 'express';
const app = express();
async function emitMetric() {}
app.post('/m', (req, res) => {
  // fleet-allow-spawn: sub-second metric, loss is acceptable
  void emitMetric();
  setTimeout(() => emitMetric(), 0); // fleet-allow-spawn: metric flush
  res.end();
});
`,
    },
    {
      name: 'allowCalls: known-safe callees',
      code: `
import express from 'express';
const app = express();
declare const metrics: { increment(name: string): Promise<void> };
app.post('/m', (req, res) => {
  void metrics.increment('hits');
  res.end();
});
`,
      options: [{ allowCalls: ['metrics.*'] }],
    },
    {
      name: 'next.js: after() allowed with allowPlatformDeferral',
      code: `
import { after } from 'next/server';
async function log() {}
export async function POST(request: Request) {
  after(() => log());
  return Response.json({ ok: true });
}
`,
      filename: 'app/api/log/route.ts',
      options: [{ allowPlatformDeferral: true }],
    },
    {
      name: 'express: void of a synchronous local function is not work',
      code: `
import express from 'express';
const app = express();
function track() {}
app.get('/t', (req, res, next) => {
  void track();
  void next();
  res.end();
});
`,
    },
    {
      name: 'does not crash on JSX, decorators, class fields, generators, for await, optional chaining',
      code: `
import express from 'express';
const app = express();
function decorate(target: unknown) {}
@decorate
class Renderer {
  #cache = new Map<string, string>();
  static count = 0;
  *ids() { yield 1; }
  async *pages() { yield 1; }
}
app.get('/page', async (req, res) => {
  for await (const page of new Renderer().pages()) res.write(String(page));
  const view = <div className="x">{req.query?.name ?? 'anon'}</div>;
  req.socket?.setTimeout?.(1000);
  res.end(String(view));
});
`,
      filename: 'src/page.tsx',
    },
    {
      name: 'express 4: a chain that answers the request and hands errors to next',
      code: `
import express from 'express';
const app = express();
async function loadUser(id: string) { return { id }; }
app.get('/users/:id', (req, res, next) => {
  loadUser(req.params.id).then((user) => res.json(user)).catch(next);
});
`,
    },
    {
      name: 'express: void handing the whole request to an async function',
      code: `
import express from 'express';
const app = express();
async function createUser(req: unknown, res: unknown) {}
app.post('/users', (req, res) => void createUser(req, res));
`,
    },
  ],
  invalid: [
    {
      name: 'express: void on an async call',
      code: `
import express from 'express';
const app = express();
async function sendEmail(to: string) {}
app.post('/users', async (req, res) => {
  void sendEmail(req.body.email);
  res.status(201).end();
});
`,
      errors: [
        {
          messageId: 'voidedPromise',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import express from 'express';
const app = express();
async function sendEmail(to: string) {}
app.post('/users', async (req, res) => {
  await sendEmail(req.body.email);
  res.status(201).end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: .catch() without await, in a non-async handler (no suggestion)',
      code: `
import express from 'express';
const app = express();
async function sendEmail(to: string) {}
app.post('/users', (req, res) => {
  sendEmail(req.body.email).catch(console.error);
  res.end();
});
`,
      errors: [{ messageId: 'caughtPromise', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'express: bare async call',
      code: `
import express from 'express';
const router = express.Router();
const sendEmail = async (to: string) => {};
router.post('/invite', async (req, res) => {
  sendEmail(req.body.email);
  res.end();
});
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import express from 'express';
const router = express.Router();
const sendEmail = async (to: string) => {};
router.post('/invite', async (req, res) => {
  await sendEmail(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: setTimeout with a callback',
      code: `
import express from 'express';
const app = express();
function work() {}
app.post('/later', (req, res) => {
  setTimeout(() => work(), 0);
  res.end();
});
`,
      errors: [{ messageId: 'timer', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'express: setInterval never cleared',
      code: `
import express from 'express';
const app = express();
function poll() {}
app.post('/poll', (req, res) => {
  const handle = setInterval(poll, 1000);
  handle.unref();
  res.end();
});
`,
      errors: [{ messageId: 'timer', line: 6, column: 18, suggestions: null }],
    },
    {
      name: 'express: queueMicrotask and process.nextTick',
      code: `
import express from 'express';
const app = express();
function work() {}
app.post('/micro', (req, res) => {
  queueMicrotask(() => work());
  process.nextTick(() => work());
  res.end();
});
`,
      errors: [
        { messageId: 'timer', line: 6, column: 3, suggestions: null },
        { messageId: 'timer', line: 7, column: 3, suggestions: null },
      ],
    },
    {
      name: 'express: setImmediate imported from node:timers',
      code: `
import express from 'express';
import { setImmediate } from 'node:timers';
const app = express();
function work() {}
app.post('/imm', (req, res) => {
  setImmediate(() => work());
  res.end();
});
`,
      errors: [{ messageId: 'timer', line: 7, column: 3, suggestions: null }],
    },
    {
      name: 'express: detached child process',
      code: `
import express from 'express';
import { spawn } from 'node:child_process';
const app = express();
app.post('/build', (req, res) => {
  spawn('make', ['build'], { detached: true, stdio: 'ignore' });
  res.end();
});
`,
      errors: [{ messageId: 'detachedProcess', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'express: unref() child process from require()',
      code: `
const express = require('express');
const { fork } = require('child_process');
const app = express();
app.post('/fork', (req, res) => {
  const child = fork('./job.js');
  child.unref();
  res.end();
});
`,
      errors: [{ messageId: 'detachedProcess', line: 7, column: 3, suggestions: null }],
    },
    {
      name: 'express: new Worker from worker_threads',
      code: `
import express from 'express';
import { Worker } from 'node:worker_threads';
const app = express();
app.post('/resize', (req, res) => {
  new Worker('./resize.js', { workerData: req.body });
  res.end();
});
`,
      errors: [{ messageId: 'workerThread', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'express: un-awaited BullMQ Queue#add',
      code: `
import express from 'express';
import { Queue } from 'bullmq';
const app = express();
const queue = new Queue('mail');
app.post('/signup', async (req, res) => {
  queue.add('welcome', { to: req.body.email });
  res.status(202).end();
});
`,
      errors: [
        {
          messageId: 'unawaitedEnqueue',
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import express from 'express';
import { Queue } from 'bullmq';
const app = express();
const queue = new Queue('mail');
app.post('/signup', async (req, res) => {
  await queue.add('welcome', { to: req.body.email });
  res.status(202).end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: empty fleet-allow-spawn reason',
      code: `
import express from 'express';
const app = express();
async function emitMetric() {}
app.post('/m', (req, res) => {
  // fleet-allow-spawn:
  void emitMetric();
  res.end();
});
`,
      errors: [{ messageId: 'emptyAllowReason', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'express: async forEach drops every promise',
      code: `
import express from 'express';
const app = express();
async function notify(id: string) {}
app.post('/notify', (req, res) => {
  req.body.ids.forEach(async (id: string) => { await notify(id); });
  res.end();
});
`,
      errors: [{ messageId: 'floatingPromise', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'settings.fleet.queues: a configured enqueue callee not awaited',
      code: `
import express from 'express';
const app = express();
declare const jobs: { enqueue(name: string, payload: unknown): Promise<string> };
app.post('/import', (req, res) => {
  void jobs.enqueue('import', req.body);
  res.status(202).end();
});
`,
      settings: { fleet: { queues: ['jobs.enqueue'] } },
      errors: [{ messageId: 'unawaitedEnqueue', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'express: enqueue from fleet-runtime with .catch()',
      code: `
import express from 'express';
import { enqueue } from 'fleet-runtime';
const app = express();
app.post('/report', (req, res) => {
  enqueue({ kind: 'report' }).catch(console.error);
  res.status(202).end();
});
`,
      errors: [{ messageId: 'unawaitedEnqueue', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'express: un-awaited .then chain on fetch',
      code: `
import express from 'express';
const app = express();
app.post('/hook', async (req, res) => {
  fetch('https://example.com/hook').then((r) => r.json());
  res.end();
});
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import express from 'express';
const app = express();
app.post('/hook', async (req, res) => {
  await fetch('https://example.com/hook').then((r) => r.json());
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify: void in a route handler',
      code: `
import Fastify from 'fastify';
const fastify = Fastify();
async function audit(id: string) {}
fastify.post('/orders', async (request, reply) => {
  void audit('order');
  return { ok: true };
});
`,
      errors: [
        {
          messageId: 'voidedPromise',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import Fastify from 'fastify';
const fastify = Fastify();
async function audit(id: string) {}
fastify.post('/orders', async (request, reply) => {
  await audit('order');
  return { ok: true };
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: setTimeout in a @koa/router route',
      code: `
import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router();
function reindex() {}
router.post('/reindex', (ctx) => {
  setTimeout(reindex, 10);
  ctx.status = 202;
});
app.use(router.routes());
`,
      errors: [{ messageId: 'timer', line: 8, column: 3, suggestions: null }],
    },
    {
      name: 'hono: c.executionCtx.waitUntil',
      code: `
import { Hono } from 'hono';
const app = new Hono();
async function log() {}
app.post('/events', async (c) => {
  c.executionCtx.waitUntil(log());
  return c.json({ ok: true });
});
`,
      errors: [{ messageId: 'platformDeferral', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'elysia: un-awaited call in a route handler that answers by returning',
      code: `
import { Elysia } from 'elysia';
async function sendEmail(to: string) {}
new Elysia().post('/signup', async ({ body, set }) => {
  sendEmail(body.email);
  set.status = 201;
  return 'ok';
});
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import { Elysia } from 'elysia';
async function sendEmail(to: string) {}
new Elysia().post('/signup', async ({ body, set }) => {
  await sendEmail(body.email);
  set.status = 201;
  return 'ok';
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'elysia: the context parameter is an input, so passing it on does not answer the request',
      code: `
import { Elysia } from 'elysia';
async function audit(ctx: unknown) {}
const app = new Elysia();
app.get('/me', (ctx) => {
  audit(ctx);
  return ctx.params;
});
`,
      errors: [{ messageId: 'floatingPromise', line: 6, column: 3, suggestions: null }],
    },
    {
      name: 'elysia: a timer in a group() route and a caught promise in a beforeHandle hook',
      code: `
import { Elysia } from 'elysia';
async function audit(request: Request) {}
function reindex() {}
export const admin = new Elysia({ prefix: '/admin' }).group('/search', (app) =>
  app.post('/reindex', () => {
    setTimeout(reindex, 10);
    return 'queued';
  }, {
    beforeHandle: ({ request }) => {
      audit(request).catch(() => undefined);
    },
  }),
);
`,
      errors: [
        { messageId: 'timer', line: 7, column: 5, suggestions: null },
        { messageId: 'caughtPromise', line: 11, column: 7, suggestions: null },
      ],
    },
    {
      name: 'trpc: un-awaited work in a mutation procedure, and in a procedure middleware',
      code: `
import { initTRPC } from '@trpc/server';
const t = initTRPC.create();
async function sendInvite(email: string) {}
async function audit(path: string) {}
export const appRouter = t.router({
  invite: t.procedure
    .use(({ path, next }) => {
      audit(path).catch(() => undefined);
      return next();
    })
    .mutation(({ input }) => {
      sendInvite(input.email);
      return { ok: true };
    }),
});
`,
      errors: [
        { messageId: 'caughtPromise', line: 9, column: 7, suggestions: null },
        { messageId: 'floatingPromise', line: 13, column: 7, suggestions: null },
      ],
    },
    {
      name: 'sveltekit: un-awaited work in a +server endpoint and in a form action',
      filename: 'src/routes/signup/+page.server.ts',
      code: `
async function sendWelcome(email: string) {}
export const actions = {
  default: async ({ request }) => {
    const data = await request.formData();
    sendWelcome(String(data.get('email')));
    return { ok: true };
  },
};
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
async function sendWelcome(email: string) {}
export const actions = {
  default: async ({ request }) => {
    const data = await request.formData();
    await sendWelcome(String(data.get('email')));
    return { ok: true };
  },
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'sveltekit: a timer in a +server endpoint',
      filename: 'src/routes/api/reindex/+server.ts',
      code: `
function reindex() {}
export function POST() {
  setTimeout(reindex, 1000);
  return new Response(null, { status: 202 });
}
`,
      errors: [{ messageId: 'timer', line: 4, column: 3, suggestions: null }],
    },
    {
      name: 'nitro: un-awaited work in a server/api handler (defineEventHandler is auto-imported)',
      filename: 'server/api/signup.post.ts',
      code: `
async function sendWelcome(email: string) {}
export default defineEventHandler(async (event) => {
  const { email } = await readBody(event);
  sendWelcome(email);
  return { ok: true };
});
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
async function sendWelcome(email: string) {}
export default defineEventHandler(async (event) => {
  const { email } = await readBody(event);
  await sendWelcome(email);
  return { ok: true };
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'react-router: un-awaited work in a route action',
      filename: 'app/routes/signup.tsx',
      code: `
import { redirect } from 'react-router';
async function sendWelcome(email: string) {}
export async function action({ request }) {
  const form = await request.formData();
  sendWelcome(String(form.get('email')));
  return redirect('/welcome');
}
export default function Signup() { return null; }
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import { redirect } from 'react-router';
async function sendWelcome(email: string) {}
export async function action({ request }) {
  const form = await request.formData();
  await sendWelcome(String(form.get('email')));
  return redirect('/welcome');
}
export default function Signup() { return null; }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'medusa: un-awaited work in a src/api route handler',
      filename: 'src/api/store/reviews/route.ts',
      code: `
import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
async function notifyModerators(id: string) {}
export function POST(req: MedusaRequest, res: MedusaResponse) {
  notifyModerators(req.body.id).catch(() => undefined);
  res.status(201).json({ ok: true });
}
`,
      errors: [{ messageId: 'caughtPromise', line: 5, column: 3, suggestions: null }],
    },
    {
      name: 'nestjs: fire-and-forget in a controller method',
      code: `
import { Controller, Post } from '@nestjs/common';
@Controller('reports')
export class ReportsController {
  @Post()
  create() {
    this.generate().catch(() => undefined);
    return { status: 'queued' };
  }
  private async generate() {}
}
`,
      errors: [{ messageId: 'caughtPromise', line: 7, column: 5, suggestions: null }],
    },
    {
      name: 'nestjs: void on a service call that takes a route parameter',
      code: `
import { Controller, Param, Post } from '@nestjs/common';
declare const pdf: { render(id: string): Promise<void> };
@Controller('invoices')
export class InvoicesController {
  @Post(':id/pdf')
  async renderPdf(@Param('id') id: string) {
    void pdf.render(id);
    return { rendering: id };
  }
}
`,
      errors: [
        {
          messageId: 'voidedPromise',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import { Controller, Param, Post } from '@nestjs/common';
declare const pdf: { render(id: string): Promise<void> };
@Controller('invoices')
export class InvoicesController {
  @Post(':id/pdf')
  async renderPdf(@Param('id') id: string) {
    await pdf.render(id);
    return { rendering: id };
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'next.js: after() from next/server in a route handler',
      code: `
import { after } from 'next/server';
async function log() {}
export async function POST(request: Request) {
  after(() => log());
  return Response.json({ ok: true });
}
`,
      filename: 'app/api/log/route.ts',
      errors: [{ messageId: 'platformDeferral', line: 5, column: 3, suggestions: null }],
    },
    {
      name: 'next.js: floating fetch in a pages/api handler',
      code: `
export default async function handler(req: any, res: any) {
  fetch('https://hooks.example.com/notify', { method: 'POST' });
  res.status(200).json({ ok: true });
}
`,
      filename: 'pages/api/notify.ts',
      errors: [
        {
          messageId: 'floatingPromise',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
export default async function handler(req: any, res: any) {
  await fetch('https://hooks.example.com/notify', { method: 'POST' });
  res.status(200).json({ ok: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: reached through a same-module helper',
      code: `
import express from 'express';
const app = express();
async function sendEmail(to: string) {}
function notifyUser(to: string) {
  void sendEmail(to);
}
app.post('/users', (req, res) => {
  notifyUser(req.body.email);
  res.end();
});
`,
      errors: [{ messageId: 'voidedPromise', line: 6, column: 3, suggestions: null }],
    },
  ],
});

// Type-aware mode: the checker decides what is a promise, including imported and declared functions.
const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.ts*'] },
      tsconfigRootDir: `${import.meta.dirname}/../fixtures`,
    },
  },
});

typedRuleTester.run<MessageIds, Options>('no-floating-work-in-handler (type-aware)', rule, {
  valid: [
    {
      name: 'typed: a synchronous function that only looks like work is not reported',
      code: `
import express from 'express';
const app = express();
declare function recordHit(path: string): void;
app.get('/hits', (req, res) => {
  recordHit(req.path);
  res.end();
});
`,
    },
    {
      name: 'typed: void on a non-promise value is not reported',
      code: `
import express from 'express';
const app = express();
declare const cache: { set(key: string, value: string): boolean };
app.get('/c', (req, res) => {
  void cache.set('a', 'b');
  res.end();
});
`,
    },
  ],
  invalid: [
    {
      name: 'typed: a declared function returning Promise floats',
      code: `
import express from 'express';
const app = express();
declare function sendEmail(to: string): Promise<void>;
app.post('/users', async (req, res) => {
  sendEmail(req.body.email);
  res.end();
});
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import express from 'express';
const app = express();
declare function sendEmail(to: string): Promise<void>;
app.post('/users', async (req, res) => {
  await sendEmail(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a method returning a Promise subclass floats',
      code: `
import express from 'express';
const app = express();
class Job<T> extends Promise<T> {}
declare const mailer: { send(to: string): Job<void> };
app.post('/mail', (req, res) => {
  mailer.send(req.body.email);
  res.end();
});
`,
      errors: [{ messageId: 'floatingPromise', line: 7, column: 3, suggestions: null }],
    },
  ],
});
