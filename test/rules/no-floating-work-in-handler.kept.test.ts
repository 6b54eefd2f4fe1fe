// Promises kept in a variable, self-clearing timers and test modules (issue 9 §6).
import { RuleTester } from '@typescript-eslint/rule-tester';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

// rule-tester brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noFloatingWorkInHandler as never;

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler (kept promises, timers, tests)', rule, {
  valid: [
    {
      name: 'a kept promise awaited later, even after a .catch() on it',
      code: `
import express from 'express';
const app = express();
app.post('/x', async (req, res) => {
  const sent = send(req.body);
  sent.catch(() => {});
  await load();
  await sent;
  res.end();
});
async function send(body: unknown) {}
async function load() {}
`,
    },
    {
      name: 'kept promises returned, joined, passed on and put in the response',
      code: `
import express from 'express';
const app = express();
app.post('/a', (req, res) => {
  const sent = send(req.body);
  return sent;
});
app.post('/b', async (req, res) => {
  const a = send(1);
  const b = send(2);
  await Promise.all([a, b]);
  res.end();
});
app.post('/c', (req, res) => {
  const sent = send(req.body);
  track(sent);
  res.end();
});
app.post('/d', (req, res) => {
  const loaded = load();
  loaded.then((rows) => res.json(rows));
});
async function send(body: unknown) {}
async function load() { return []; }
declare function track(p: Promise<void>): void;
`,
    },
    {
      name: 'a value of unknown kind kept in a variable and never read is not work',
      code: `
import express from 'express';
const app = express();
app.post('/x', (req, res) => {
  const parsed = parse(req.body);
  res.end();
});
declare function parse(body: unknown): unknown;
`,
    },
    {
      name: 'an SSE heartbeat cleared when the client disconnects is part of the response',
      code: `
import express from 'express';
const app = express();
app.get('/events', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  const heartbeat = setInterval(() => res.write(': ping\\n\\n'), 15_000);
  req.on('close', () => clearInterval(heartbeat));
});
`,
    },
    {
      name: 'test modules are not served: nothing in them is reported',
      filename: 'src/routes/users.test.ts',
      code: `
import express from 'express';
const app = express();
app.post('/users', (req, res) => {
  void send();
  setTimeout(() => send(), 10);
  res.end();
});
async function send() {}
`,
    },
    {
      name: 'modules under __tests__ are not served either',
      filename: 'src/__tests__/users.ts',
      code: `
import express from 'express';
const app = express();
app.post('/users', (req, res) => {
  void send();
  res.end();
});
async function send() {}
`,
    },
  ],
  invalid: [
    {
      name: 'a promise kept in a variable and only .catch()-ed, reported where it starts',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/slack', (c) => {
  const promise = processEvent(c.req.raw);
  promise.catch((err) => console.error(err));
  return c.json({ ok: true });
});
async function processEvent(body: unknown) {}
`,
      errors: [
        {
          messageId: 'caughtPromise',
          line: 5,
          column: 19,
          data: { callee: 'processEvent()', handler: 'POST /slack', via: '' },
          suggestions: null,
        },
      ],
    },
    {
      name: 'promises kept in an array and only .catch()-ed in a loop',
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/run', (c) => {
  const all: Promise<Response>[] = [];
  all.push(fetch('https://checker.example.com/a'));
  for (const result of all) {
    result.catch((error: unknown) => console.warn(error));
  }
  return c.json([], 200);
});
`,
      errors: [
        { messageId: 'caughtPromise', line: 8, column: 5, data: { callee: 'result', handler: 'POST /run', via: '' }, suggestions: null },
      ],
    },
    {
      name: 'a promise kept in a variable that is never read',
      code: `
import express from 'express';
const app = express();
app.post('/x', (req, res) => {
  const pending = send(req.body);
  res.end();
});
async function send(body: unknown) {}
`,
      errors: [
        { messageId: 'floatingPromise', line: 5, column: 19, data: { callee: 'send()', handler: 'POST /x', via: '' }, suggestions: null },
      ],
    },
    {
      name: 'a call of unknown kind kept in a variable is proven a promise by the .then() on it',
      code: `
import express from 'express';
import { refresh } from 'some-sdk';
const app = express();
app.post('/x', (req, res) => {
  const job = refresh(req.body.id);
  job.then(() => console.log('refreshed'));
  res.end();
});
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 6,
          column: 15,
          data: { callee: 'refresh()', handler: 'POST /x', via: '' },
          suggestions: null,
        },
      ],
    },
    {
      name: 'a poller that clears itself in its own callback outlives the request',
      code: `
import express from 'express';
const app = express();
app.post('/deploy', (req, res) => {
  const poll = setInterval(async () => {
    if (await isReady()) clearInterval(poll);
  }, 1000);
  res.status(202).end();
});
async function isReady() { return true; }
`,
      errors: [{ messageId: 'timer', line: 5, column: 16, data: { callee: 'setInterval', handler: 'POST /deploy', via: '' } }],
    },
  ],
});
