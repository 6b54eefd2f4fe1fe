// Work nested in the argument of a timer, `after()` or `waitUntil()` (issue 9 §5): a reported
// timer covers its callback; a timer that ends with the request, an allowed one, and every
// platform deferral cover nothing, so work they start and do not join is judged on its own.
import { RuleTester } from '@typescript-eslint/rule-tester';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

// rule-tester brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noFloatingWorkInHandler as never;

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler (nested in a spawn)', rule, {
  valid: [
    {
      name: 'allowPlatformDeferral: work the after() callback returns is joined to the deferral',
      filename: 'app/api/log/route.ts',
      code: `
import { after } from 'next/server';
async function log() {}
export async function POST(request: Request) {
  after(async () => { await log(); });
  return Response.json({ ok: true });
}
`,
      options: [{ allowPlatformDeferral: true }],
    },
    {
      name: 'a cleared timeout guard whose callback only answers the request',
      code: `
import express from 'express';
const app = express();
app.get('/slow', async (req, res) => {
  const guard = setTimeout(() => res.status(504).end(), 5000);
  await load();
  clearTimeout(guard);
  res.end();
});
declare function load(): Promise<void>;
`,
    },
  ],
  invalid: [
    {
      name: 'a reported timer covers the work in its callback',
      code: `
import express from 'express';
const app = express();
app.post('/x', (req, res) => {
  setTimeout(() => { void notify(); }, 1000);
  res.end();
});
async function notify() {}
`,
      errors: [{ messageId: 'timer', line: 5, column: 3, data: { callee: 'setTimeout', handler: 'POST /x', via: '' } }],
    },
    {
      name: 'a cleared timeout guard does not cover work its callback starts',
      code: `
import express from 'express';
const app = express();
app.post('/x', async (req, res) => {
  const guard = setTimeout(() => { void notify(); }, 5000);
  await load();
  clearTimeout(guard);
  res.end();
});
async function notify() {}
declare function load(): Promise<void>;
`,
      errors: [
        {
          messageId: 'voidedPromise',
          line: 5,
          column: 36,
          data: { callee: 'notify()', handler: 'POST /x', via: '' },
          suggestions: null,
        },
      ],
    },
    {
      name: 'allowCalls on the timer does not allow the work its callback starts',
      code: `
import express from 'express';
const app = express();
app.post('/x', (req, res) => {
  setTimeout(() => { void notify(); }, 1000);
  res.end();
});
async function notify() {}
`,
      options: [{ allowCalls: ['setTimeout'] }],
      errors: [
        { messageId: 'voidedPromise', line: 5, column: 22, data: { callee: 'notify()', handler: 'POST /x', via: '' }, suggestions: null },
      ],
    },
    {
      name: 'allowPlatformDeferral: a promise the after() callback voids outlives the deferral',
      filename: 'app/api/log/route.ts',
      code: `
import { after } from 'next/server';
async function track() {}
export async function POST(request: Request) {
  after(() => { void track(); });
  return Response.json({ ok: true });
}
`,
      options: [{ allowPlatformDeferral: true }],
      errors: [
        {
          messageId: 'voidedPromise',
          line: 5,
          column: 17,
          data: { callee: 'track()', handler: 'POST /api/log', via: '' },
          suggestions: null,
        },
      ],
    },
    {
      name: 'allowPlatformDeferral: a promise a waitUntil() chain starts and does not return',
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
      options: [{ allowPlatformDeferral: true }],
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          column: 7,
          data: { callee: 'remove()', handler: 'PATCH /api/customers/{id}', via: '' },
          suggestions: null,
        },
      ],
    },
  ],
});
