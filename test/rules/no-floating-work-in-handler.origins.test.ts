// Promise origins one step away (issue 9 §7), without type information: a same-module helper
// that returns a promise without being `async`, SDK clients held by a module-level variable or a
// class field, and values a project module exports as the result of a call.
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

// rule-tester brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noFloatingWorkInHandler as never;

// Linted as a route module of the fixture project, so `../services/clients.js` resolves.
const filename = path.resolve(import.meta.dirname, '../fixtures/modules/routes/users.ts');

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler (promise origins)', rule, {
  valid: [
    {
      name: 'a synchronous helper that returns a promise only on some paths proves nothing',
      filename,
      code: `
import express from 'express';
const app = express();
function maybeNotify(url: string) {
  if (!url) return undefined;
  return fetch(url);
}
app.post('/x', (req, res) => {
  maybeNotify(req.body.url);
  res.end();
});
`,
    },
    {
      name: 'synchronous SDK members and a synchronous method of an imported factory result',
      filename,
      code: `
import express from 'express';
import Stripe from 'stripe';
import { notifier } from '../services/clients.js';
const app = express();
const stripe = new Stripe('sk');
app.post('/hook', (req, res) => {
  stripe.webhooks.constructEvent(req.body, req.headers.sig, 'whsec');
  notifier.format(req.body.id);
  res.end();
});
`,
    },
    {
      name: 'awaited client calls',
      filename,
      code: `
import express from 'express';
import { redis } from '../services/clients.js';
const app = express();
app.post('/x', async (req, res) => {
  await redis.set('k', 'v');
  res.end();
});
`,
    },
  ],
  invalid: [
    {
      name: 'a synchronous helper whose every return is a fetch',
      filename,
      code: `
import express from 'express';
const app = express();
function notify(url: string) {
  if (!url) return Promise.resolve();
  return fetch(url, { method: 'POST' });
}
app.post('/x', (req, res) => {
  notify(req.body.url);
  res.end();
});
`,
      errors: [
        { messageId: 'floatingPromise', line: 9, column: 3, data: { callee: 'notify()', handler: 'POST /x', via: '' }, suggestions: null },
      ],
    },
    {
      name: 'a module-level client made by a call (Redis.fromEnv) in another module',
      filename,
      code: `
import express from 'express';
import { redis } from '../services/clients.js';
const app = express();
app.post('/x', (req, res) => {
  redis.incr('hits');
  res.end();
});
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          column: 3,
          data: { callee: 'redis.incr()', handler: 'POST /x', via: '' },
          suggestions: null,
        },
      ],
    },
    {
      name: 'a class field initialised from an SDK client constructor',
      filename,
      code: `
import { Controller, Post } from '@nestjs/common';
import Stripe from 'stripe';
@Controller('billing')
export class BillingController {
  private readonly stripe = new Stripe(process.env.STRIPE_KEY!);
  @Post('cancel')
  cancel() {
    this.stripe.subscriptions.cancel('sub_1').catch(() => undefined);
    return { ok: true };
  }
}
`,
      errors: [
        {
          messageId: 'caughtPromise',
          line: 9,
          column: 5,
          data: { callee: 'this.stripe.subscriptions.cancel()', handler: 'POST /billing/cancel', via: '' },
          suggestions: null,
        },
      ],
    },
    {
      name: 'an async method of an object a project module exports as a factory result',
      filename,
      code: `
import express from 'express';
import { notifier } from '../services/clients.js';
const app = express();
app.post('/x', (req, res) => {
  void notifier.notify(req.body.id);
  res.end();
});
`,
      errors: [
        {
          messageId: 'voidedPromise',
          line: 6,
          column: 3,
          data: { callee: 'notifier.notify()', handler: 'POST /x', via: '' },
          suggestions: null,
        },
      ],
    },
  ],
});
