// Syntactic mode across modules: the code is linted as `test/fixtures/modules/routes/users.ts`,
// whose relative imports resolve into that fixture project's `services/`. No type information.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

// rule-tester brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noFloatingWorkInHandler as never;

const filename = path.resolve(import.meta.dirname, '../fixtures/modules/routes/users.ts');

// A module that does not parse must not break linting of the file importing it; it cannot live
// in the fixture folder, which the repository typecheck reads.
const TMP = mkdtempSync(path.join(os.tmpdir(), 'fleet-broken-module-'));
writeFileSync(path.join(TMP, 'broken.ts'), 'export async function sendWelcomeEmail( {\n');
afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
});

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler (imported modules)', rule, {
  valid: [
    {
      name: 'awaited and returned imported async calls',
      filename,
      code: `
import express from 'express';
import { sendWelcomeEmail } from '../services/mailer.js';
const app = express();
app.post('/users', async (req, res) => {
  await sendWelcomeEmail(req.body.email);
  res.end();
});
app.post('/again', (req, res) => sendWelcomeEmail(req.body.email));
`,
    },
    {
      name: 'imported sync functions, including one with an async-sounding name, and void on a sync call',
      filename,
      code: `
import express from 'express';
import { formatAddress, sendEmailAsync } from '../services/mailer.js';
const app = express();
app.post('/users', async (req, res) => {
  sendEmailAsync(req.body.email);
  void formatAddress('a', 'b');
  res.end();
});
`,
    },
    {
      name: 'sync methods of an imported object and class instance',
      filename,
      code: `
import express from 'express';
import mailerObject from '../services/mailer-object.js';
import { mailer } from '../services/mailer-class.js';
const app = express();
app.post('/users', async (req, res) => {
  mailerObject.format(req.body.email);
  mailer.format(req.body.email);
  res.end();
});
`,
    },
    {
      name: 'a function that only sometimes returns a promise is not proven',
      filename,
      code: `
import express from 'express';
import { maybe } from '../services/promise-returning.js';
const app = express();
app.post('/users', async (req, res) => {
  maybe(true);
  res.end();
});
`,
    },
    {
      name: 'package imports are not followed',
      filename,
      code: `
import express from 'express';
import { sendWelcomeEmail } from 'mailer-package';
const app = express();
app.post('/users', async (req, res) => {
  sendWelcomeEmail(req.body.email);
  res.end();
});
`,
    },
    {
      name: 'an unresolvable relative import is unknown',
      filename,
      code: `
import express from 'express';
import { sendWelcomeEmail } from '../services/missing.js';
const app = express();
app.post('/users', async (req, res) => {
  sendWelcomeEmail(req.body.email);
  res.end();
});
`,
    },
    {
      name: 'a module that fails to parse is unknown',
      filename: path.join(TMP, 'routes.ts'),
      code: `
import express from 'express';
import { sendWelcomeEmail } from './broken.js';
const app = express();
app.post('/users', async (req, res) => {
  sendWelcomeEmail(req.body.email);
  res.end();
});
`,
    },
    {
      name: 'awaited enqueue on an imported queue instance',
      filename,
      code: `
import express from 'express';
import { boss } from '../services/index.js';
const app = express();
app.post('/orders', async (req, res) => {
  await boss.send('order', { id: 1 });
  res.end();
});
`,
    },
  ],
  invalid: [
    {
      name: 'imported async function called and not awaited',
      filename,
      code: `
import express from 'express';
import { sendWelcomeEmail } from '../services/mailer.js';
const app = express();
app.post('/users', async (req, res) => {
  sendWelcomeEmail(req.body.email);
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
import { sendWelcomeEmail } from '../services/mailer.js';
const app = express();
app.post('/users', async (req, res) => {
  await sendWelcomeEmail(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an imported async function through a folder index and export * barrel',
      filename,
      code: `
import express from 'express';
import { sendWelcomeEmail } from '../services';
const app = express();
app.post('/users', async (req, res) => {
  sendWelcomeEmail(req.body.email);
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
import { sendWelcomeEmail } from '../services';
const app = express();
app.post('/users', async (req, res) => {
  await sendWelcomeEmail(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "a namespace import's async function",
      filename,
      code: `
import express from 'express';
import * as jobs from '../services/jobs.js';
const app = express();
app.post('/users', async (req, res) => {
  jobs.enqueueReport(req.params.id);
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
import * as jobs from '../services/jobs.js';
const app = express();
app.post('/users', async (req, res) => {
  await jobs.enqueueReport(req.params.id);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an async function of an export * as ns re-export',
      filename,
      code: `
import express from 'express';
import { jobs } from '../services/index.js';
const app = express();
app.post('/users', async (req, res) => {
  jobs.enqueueReport(req.params.id);
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
import { jobs } from '../services/index.js';
const app = express();
app.post('/users', async (req, res) => {
  await jobs.enqueueReport(req.params.id);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'require() of a CommonJS module.exports object',
      filename,
      code: `
import express from 'express';
const mailer = require('../services/legacy.cjs');
const app = express();
app.post('/users', async (req, res) => {
  mailer.sendWelcome(req.body.email);
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
const mailer = require('../services/legacy.cjs');
const app = express();
app.post('/users', async (req, res) => {
  await mailer.sendWelcome(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'destructured require() of a CommonJS module',
      filename,
      code: `
import express from 'express';
const { sendWelcome } = require('../services/legacy');
const app = express();
app.post('/users', async (req, res) => {
  sendWelcome(req.body.email);
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
const { sendWelcome } = require('../services/legacy');
const app = express();
app.post('/users', async (req, res) => {
  await sendWelcome(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an exports.x = async function',
      filename,
      code: `
import express from 'express';
import { record } from '../services/audit.cjs';
const app = express();
app.post('/users', async (req, res) => {
  record('user.created');
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
import { record } from '../services/audit.cjs';
const app = express();
app.post('/users', async (req, res) => {
  await record('user.created');
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: "a default-exported object's async method",
      filename,
      code: `
import express from 'express';
import mailer from '../services/mailer-object.js';
const app = express();
app.post('/users', async (req, res) => {
  mailer.send(req.body.email);
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
import mailer from '../services/mailer-object.js';
const app = express();
app.post('/users', async (req, res) => {
  await mailer.send(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an async method of an exported class instance',
      filename,
      code: `
import express from 'express';
import { mailer } from '../services/mailer-class.js';
const app = express();
app.post('/users', async (req, res) => {
  mailer.send(req.body.email);
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
import { mailer } from '../services/mailer-class.js';
const app = express();
app.post('/users', async (req, res) => {
  await mailer.send(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an async static method of an imported class',
      filename,
      code: `
import express from 'express';
import { MailerService } from '../services/mailer-class.js';
const app = express();
app.post('/users', async (req, res) => {
  MailerService.ping();
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
import { MailerService } from '../services/mailer-class.js';
const app = express();
app.post('/users', async (req, res) => {
  await MailerService.ping();
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a non-async function proven to return new Promise',
      filename,
      code: `
import express from 'express';
import { later } from '../services/promise-returning.js';
const app = express();
app.post('/users', async (req, res) => {
  later(100);
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
import { later } from '../services/promise-returning.js';
const app = express();
app.post('/users', async (req, res) => {
  await later(100);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a const arrow returning a module-local async call',
      filename,
      code: `
import express from 'express';
import { sendReceipt } from '../services/mailer.js';
const app = express();
app.post('/users', async (req, res) => {
  sendReceipt(req.body.email);
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
import { sendReceipt } from '../services/mailer.js';
const app = express();
app.post('/users', async (req, res) => {
  await sendReceipt(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'pg-boss send on a queue exported by a project module',
      filename,
      code: `
import express from 'express';
import { boss } from '../services/index.js';
const app = express();
app.post('/users', async (req, res) => {
  boss.send('order', { id: 1 });
  res.end();
});
`,
      errors: [
        {
          messageId: 'unawaitedEnqueue',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import express from 'express';
import { boss } from '../services/index.js';
const app = express();
app.post('/users', async (req, res) => {
  await boss.send('order', { id: 1 });
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'BullMQ add on a queue exported by a project module',
      filename,
      code: `
import express from 'express';
import { reports } from '../services/queue.js';
const app = express();
app.post('/users', async (req, res) => {
  reports.add('build', { id: 1 });
  res.end();
});
`,
      errors: [
        {
          messageId: 'unawaitedEnqueue',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import express from 'express';
import { reports } from '../services/queue.js';
const app = express();
app.post('/users', async (req, res) => {
  await reports.add('build', { id: 1 });
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'void on an imported async call',
      filename,
      code: `
import express from 'express';
import { sendWelcomeEmail } from '../services/mailer.js';
const app = express();
app.post('/users', async (req, res) => {
  void sendWelcomeEmail(req.body.email);
  res.end();
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
import { sendWelcomeEmail } from '../services/mailer.js';
const app = express();
app.post('/users', async (req, res) => {
  await sendWelcomeEmail(req.body.email);
  res.end();
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an aliased timer from timers',
      filename,
      code: `
import express from 'express';
import { setTimeout as later } from 'timers';
const app = express();
app.post('/users', async (req, res) => {
  later(() => console.log('late'), 1000);
  res.end();
});
`,
      errors: [
        {
          messageId: 'timer',
          line: 6,
          column: 3,
          suggestions: null,
        },
      ],
    },
    {
      name: "an aliased timer destructured from require('node:timers')",
      filename,
      code: `
import express from 'express';
const { setImmediate: soon } = require('node:timers');
const app = express();
app.post('/users', async (req, res) => {
  soon(() => console.log('soon'));
  res.end();
});
`,
      errors: [
        {
          messageId: 'timer',
          line: 6,
          column: 3,
          suggestions: null,
        },
      ],
    },
    {
      name: 'an aliased detached spawn',
      filename,
      code: `
import express from 'express';
import { spawn as run } from 'child_process';
const app = express();
app.post('/users', async (req, res) => {
  run('tar', ['-czf', 'x.tgz'], { detached: true });
  res.end();
});
`,
      errors: [
        {
          messageId: 'detachedProcess',
          line: 6,
          column: 3,
          suggestions: null,
        },
      ],
    },
    {
      name: 'an async method of an injected project class (NestJS constructor parameter property)',
      filename,
      code: `
import { Controller, Post } from '@nestjs/common';
import { MailerService } from '../services/mailer-class.js';
@Controller('users')
export class UsersController {
  constructor(private readonly mailer: MailerService) {}
  @Post()
  async create(): Promise<void> {
    this.mailer.send('a@example.com');
  }
}
`,
      errors: [
        {
          messageId: 'floatingPromise',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import { Controller, Post } from '@nestjs/common';
import { MailerService } from '../services/mailer-class.js';
@Controller('users')
export class UsersController {
  constructor(private readonly mailer: MailerService) {}
  @Post()
  async create(): Promise<void> {
    await this.mailer.send('a@example.com');
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
