// Regressions from scanning real open-source backends (docs/accuracy.md): each case is a minimal
// reproduction of a pattern found there, written for this file (no third-party code).
import { RuleTester } from '@typescript-eslint/rule-tester';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

// rule-tester brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noFloatingWorkInHandler as never;

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler (real-world patterns)', rule, {
  valid: [
    {
      name: 'hono: writes to the stream of streamText() are the response, even from a keep-alive timer',
      code: `
import { Hono } from 'hono';
import { streamText } from 'hono/streaming';
const app = new Hono();
app.post('/detect', async (c) => {
  return streamText(c, async (stream) => {
    const timer = setInterval(() => {
      void stream.writeln('{"type":"keepalive"}');
    }, 5000);
    await work((progress) => {
      void stream.writeln(JSON.stringify(progress));
    });
    clearInterval(timer);
  });
});
declare function work(onProgress: (p: number) => void): Promise<void>;
`,
    },
    {
      name: 'nestjs: an awaited this.method() reaches no floating work',
      code: `
import { Controller, Post } from '@nestjs/common';
@Controller('invoices')
export class InvoicesController {
  @Post() async create() { await this.notify(); return 1; }
  private async notify() { await fetch('https://example.com'); }
}
`,
    },
    {
      name: 'a synchronous method of a same-module object is not a promise',
      code: `
import express from 'express';
const app = express();
const metrics = { hit(name: string) { return name.length; } };
app.get('/x', (req, res) => { metrics.hit('x'); res.end(); });
`,
    },
    {
      name: 'next.js server action: the async IIFE that settles a createStreamableValue() is the streamed response',
      filename: 'lib/ai/generate.ts',
      code: `
'use server';
import { createStreamableValue } from '@ai-sdk/rsc';
export async function generate(prompt: string) {
  const stream = createStreamableValue();
  (async () => {
    const fail = async (cause: unknown) => {
      await refund().catch(() => undefined);
      stream.error(cause);
    };
    try {
      for await (const part of model(prompt, { onError: (error: unknown) => { void fail(error); } })) stream.update(part);
      stream.done();
    } catch (error) {
      await fail(error);
    }
  })();
  return { object: stream.value };
}
declare function refund(): Promise<void>;
declare function model(prompt: string, options: { onError(error: unknown): void }): AsyncIterable<string>;
`,
    },
    {
      name: 'work nested in a helper inside a new Promise executor that rejects it is joined',
      code: `
import express from 'express';
const app = express();
app.post('/import', async (req, res) => {
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      void (async () => {
        await cleanup();
        reject(error);
      })();
    };
    parse(req.body, { done: () => resolve(), error: fail });
  });
  res.sendStatus(202);
});
declare function cleanup(): Promise<void>;
declare function parse(body: unknown, callbacks: { done(): void; error(e: unknown): void }): void;
`,
    },
  ],
  invalid: [
    {
      name: 'nestjs: setTimeout in a private method reached through this.method()',
      code: `
import { Controller, Post } from '@nestjs/common';
@Controller('invoices')
export class InvoicesController {
  @Post(':id/remind') async remind() { this.scheduleReminder(); }
  private scheduleReminder() { setTimeout(() => send(), 1000); }
}
declare function send(): Promise<void>;
`,
      errors: [
        {
          messageId: 'timer',
          line: 6,
          column: 32,
          data: { callee: 'setTimeout', handler: 'POST /invoices/{id}/remind', via: ' (via `InvoicesController.scheduleReminder`)' },
        },
      ],
    },
    {
      name: 'express class controller: floating call of a promise-annotated private method through this.#method()',
      code: `
import { Router, type Request, type Response } from 'express';
class UserController {
  readonly router = Router();
  constructor() { this.router.post('/users', this.create.bind(this)); }
  async create(req: Request, res: Response) {
    this.#sendWelcome(req.body.email);
    res.sendStatus(201);
  }
  #sendWelcome(email: string): Promise<void> { return deliver(email); }
}
declare function deliver(email: string): any;
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import { Router, type Request, type Response } from 'express';
class UserController {
  readonly router = Router();
  constructor() { this.router.post('/users', this.create.bind(this)); }
  async create(req: Request, res: Response) {
    await this.#sendWelcome(req.body.email);
    res.sendStatus(201);
  }
  #sendWelcome(email: string): Promise<void> { return deliver(email); }
}
declare function deliver(email: string): any;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: an async method of a same-module service object, not awaited',
      code: `
import Router from '@koa/router';
const router = new Router();
const mailService = { async send(to: string) { await fetch('https://mail.example/' + to); } };
router.post('/forgot', async (ctx) => {
  mailService.send(ctx.request.body.email);
  ctx.body = 'sent';
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
import Router from '@koa/router';
const router = new Router();
const mailService = { async send(to: string) { await fetch('https://mail.example/' + to); } };
router.post('/forgot', async (ctx) => {
  await mailService.send(ctx.request.body.email);
  ctx.body = 'sent';
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a function annotated to return a Promise is a promise without async',
      code: `
import express from 'express';
const app = express();
function notify(id: string): Promise<void> { return post(id); }
app.post('/orders', (req, res) => { notify(req.body.id); res.end(); });
declare function post(id: string): any;
`,
      errors: [{ messageId: 'floatingPromise', line: 5, column: 37, suggestions: null }],
    },
    {
      name: 'next.js server action: an async IIFE that settles no stream floats (enqueue and forward after returning)',
      filename: 'lib/messages/send.ts',
      code: `
'use server';
export async function sendMessageAction(text: string) {
  const message = await save(text);
  (async () => {
    await Promise.allSettled([publish(message), forward(message)]);
  })();
  return message;
}
declare function save(text: string): Promise<string>;
declare function publish(message: string): Promise<void>;
declare function forward(message: string): Promise<void>;
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 5,
          column: 3,
          data: { callee: 'async IIFE', handler: 'sendMessageAction', via: '' },
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
'use server';
export async function sendMessageAction(text: string) {
  const message = await save(text);
  await (async () => {
    await Promise.allSettled([publish(message), forward(message)]);
  })();
  return message;
}
declare function save(text: string): Promise<string>;
declare function publish(message: string): Promise<void>;
declare function forward(message: string): Promise<void>;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a `new Promise` executor that never names resolve or reject does not join the work inside it',
      code: `
import express from 'express';
const app = express();
app.post('/x', async (req, res) => {
  await new Promise<void>((resolve) => {
    const later = () => { void notify(); };
    later();
    resolve();
  });
  res.end();
});
declare function notify(): Promise<void>;
`,
      errors: [{ messageId: 'voidedPromise', line: 6, column: 27 }],
    },
    {
      name: 'next.js: work a waitUntil() chain starts and does not join outlives the deferral too',
      filename: 'app/api/customers/[id]/route.ts',
      code: `
import { waitUntil } from '@vercel/functions';
export async function PATCH(req: Request) {
  waitUntil(
    upload(req).then(() => {
      remove('old-avatar');
    }),
  );
  return Response.json({ ok: true });
}
declare function upload(req: Request): Promise<void>;
declare function remove(key: string): Promise<void>;
`,
      errors: [
        { messageId: 'platformDeferral', line: 4, column: 3, data: { callee: 'waitUntil', handler: 'PATCH /api/customers/{id}', via: '' } },
        {
          messageId: 'floatingPromise',
          line: 6,
          column: 7,
          data: { callee: 'remove()', handler: 'PATCH /api/customers/{id}', via: '' },
          suggestions: null,
        },
      ],
    },
    {
      name: 'a function registered on two routes is reported once, for its first route',
      code: `
import express from 'express';
const app = express();
const list = (req: any, res: any) => { setImmediate(() => audit()); res.end(); };
app.get('/a', list);
app.get('/b', list);
declare function audit(): void;
`,
      errors: [{ messageId: 'timer', line: 4, column: 40, data: { callee: 'setImmediate', handler: 'GET /a', via: '' } }],
    },
  ],
});
