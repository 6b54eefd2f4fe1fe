// The editor's half of `fleet codemod spawn-to-taskspec`: code is linted as
// `test/fixtures/modules/routes/users.ts`, whose `../tasks.js` declares `SendWelcomeEmail
// { userId }` and `SendReceipt { to, copies? }`. The suggestion is offered only when the rewrite
// is one range onto an existing variant: `enqueue` imported, handler async, captures = fields.
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

// rule-tester brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noFloatingWorkInHandler as never;

const filename = path.resolve(import.meta.dirname, '../fixtures/modules/routes/users.ts');

const HEADER = `import express from 'express';
import { enqueue } from 'fleet-runtime';
import { sendReceipt, sendWelcomeEmail } from '../services/mailer.js';
import { TaskSpec } from '../tasks.js';
const app = express();
`;

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler (enqueue suggestion)', rule, {
  valid: [],
  invalid: [
    {
      name: '`void` call onto an existing variant, with its identity field as the key',
      filename,
      code: `${HEADER}app.post('/users/:id', async (req, res) => {
  const userId = req.params.id;
  void sendWelcomeEmail(userId);
  res.end();
});
`,
      errors: [
        {
          messageId: 'voidedPromise',
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `${HEADER}app.post('/users/:id', async (req, res) => {
  const userId = req.params.id;
  await sendWelcomeEmail(userId);
  res.end();
});
`,
            },
            {
              messageId: 'enqueueTask',
              data: { task: 'TaskSpec.SendWelcomeEmail' },
              output: `${HEADER}app.post('/users/:id', async (req, res) => {
  const userId = req.params.id;
  await enqueue(TaskSpec.SendWelcomeEmail({ userId }), { key: String(userId) });
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: '`setTimeout` keeps its delay as `runAt`; payload fields in the schema order',
      filename,
      code: `${HEADER}app.post('/receipts', async (req, res) => {
  const { to, copies } = req.body as { to: string; copies?: number };
  setTimeout(() => {
    void sendReceipt(to, copies);
  }, 5000);
  res.end();
});
`,
      errors: [
        {
          messageId: 'timer',
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'enqueueTask',
              data: { task: 'TaskSpec.SendReceipt' },
              output: `${HEADER}app.post('/receipts', async (req, res) => {
  const { to, copies } = req.body as { to: string; copies?: number };
  await enqueue(TaskSpec.SendReceipt({ to, copies }), { runAt: 5000 });
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: '`.catch(h)` onto the variant of the caught call (the executor maps `h`)',
      filename,
      code: `${HEADER}app.post('/receipts', async (req, res) => {
  const to = String(req.body.to);
  const copies = 1;
  sendReceipt(to, copies).catch(console.error);
  res.end();
});
`,
      errors: [
        {
          messageId: 'caughtPromise',
          line: 9,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `${HEADER}app.post('/receipts', async (req, res) => {
  const to = String(req.body.to);
  const copies = 1;
  await sendReceipt(to, copies).catch(console.error);
  res.end();
});
`,
            },
            {
              messageId: 'enqueueTask',
              data: { task: 'TaskSpec.SendReceipt' },
              output: `${HEADER}app.post('/receipts', async (req, res) => {
  const to = String(req.body.to);
  const copies = 1;
  await enqueue(TaskSpec.SendReceipt({ to, copies }));
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'captures that are not the payload (`req`) get no enqueue suggestion',
      filename,
      code: `${HEADER}app.post('/users/:id', async (req, res) => {
  void sendWelcomeEmail(req.params.id);
  res.end();
});
`,
      errors: [
        {
          messageId: 'voidedPromise',
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `${HEADER}app.post('/users/:id', async (req, res) => {
  await sendWelcomeEmail(req.params.id);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a call with no variant of its name gets no enqueue suggestion',
      filename,
      code: `import express from 'express';
import { enqueue } from 'fleet-runtime';
import { sendRaw } from '../services/mailer.js';
import { TaskSpec } from '../tasks.js';
const app = express();
app.post('/raw', async (req, res) => {
  const userId = 'u-1';
  void sendRaw(userId, 'raw');
  res.end(String(TaskSpec) + String(enqueue));
});
`,
      errors: [
        {
          messageId: 'voidedPromise',
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `import express from 'express';
import { enqueue } from 'fleet-runtime';
import { sendRaw } from '../services/mailer.js';
import { TaskSpec } from '../tasks.js';
const app = express();
app.post('/raw', async (req, res) => {
  const userId = 'u-1';
  await sendRaw(userId, 'raw');
  res.end(String(TaskSpec) + String(enqueue));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'without `enqueue` imported the rewrite is two ranges: the codemod, not a suggestion',
      filename,
      code: `import express from 'express';
import { sendWelcomeEmail } from '../services/mailer.js';
import { TaskSpec } from '../tasks.js';
const app = express();
app.post('/users/:id', async (req, res) => {
  const userId = req.params.id;
  void sendWelcomeEmail(userId);
  res.json(TaskSpec);
});
`,
      errors: [
        {
          messageId: 'voidedPromise',
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `import express from 'express';
import { sendWelcomeEmail } from '../services/mailer.js';
import { TaskSpec } from '../tasks.js';
const app = express();
app.post('/users/:id', async (req, res) => {
  const userId = req.params.id;
  await sendWelcomeEmail(userId);
  res.json(TaskSpec);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a synchronous handler would need `async` too: no suggestion at all',
      filename,
      code: `${HEADER}app.post('/users/:id', (req, res) => {
  const userId = req.params.id;
  void sendWelcomeEmail(userId);
  res.end();
});
`,
      errors: [{ messageId: 'voidedPromise', line: 8, column: 3, suggestions: null }],
    },
  ],
});
