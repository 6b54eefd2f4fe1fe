// Reach across modules (issue 9 §8): a handler calling a helper of another project module that
// floats work is reported at the handler's call, naming the helper's site.
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

// rule-tester brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noFloatingWorkInHandler as never;

// Linted as a route module of the fixture project, so `../services/notify.js` resolves.
const filename = path.resolve(import.meta.dirname, '../fixtures/modules/routes/users.ts');

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler (helpers in other modules)', rule, {
  valid: [
    {
      name: 'a helper that awaits its work, and a helper whose chain answers through its parameter',
      filename,
      code: `
import express from 'express';
import { answer, notifyAwaited } from '../services/notify.js';
const app = express();
app.post('/x', async (req, res) => {
  await notifyAwaited(req.body.user);
  answer(res, Promise.resolve(1));
});
`,
    },
    {
      name: 'a helper whose async IIFE fills the stream it made the response body (outline streamZipResponse)',
      filename,
      code: `
import Koa from 'koa';
import { streamZip } from '../services/notify.js';
const app = new Koa();
app.use(async (ctx) => {
  streamZip(ctx, async (zip) => {});
});
`,
    },
    {
      name: 'a floating helper called outside any handler',
      filename,
      code: `
import { notifyAll } from '../services/notify.js';
notifyAll(['startup@example.com']);
`,
    },
    {
      name: 'a floating helper call with a written justification',
      filename,
      code: `
import express from 'express';
import { notifyAll } from '../services/notify.js';
const app = express();
app.post('/x', (req, res) => {
  // fleet-allow-spawn: best-effort notification, losing one is fine
  notifyAll(req.body.users);
  res.end();
});
`,
    },
    {
      name: 'a chain of helpers over three modules that awaits its work',
      filename,
      code: `
import express from 'express';
import { ConfigService } from '../services/chain/config-service.js';
const config = new ConfigService();
const app = express();
app.post('/x', async (req, res) => {
  await config.reload();
  res.end();
});
`,
    },
    {
      name: 'a timer four modules away is beyond the bound (handler → config-service → hop-one → hop-two → restart)',
      filename,
      code: `
import express from 'express';
import { viaThreeHops } from '../services/chain/config-service.js';
const app = express();
app.post('/x', (req, res) => {
  viaThreeHops();
  res.end();
});
`,
    },
    {
      name: 'helpers of two modules importing each other (a cycle) that float nothing',
      filename,
      code: `
import express from 'express';
import { pingA } from '../services/chain/config-service.js';
const app = express();
app.get('/x', (req, res) => {
  res.json(pingA(4));
});
`,
    },
    {
      name: 'a call passing false (or nothing, the default being false) for the parameter that guards the timer',
      filename,
      code: `
import express from 'express';
import { ConfigService } from '../services/chain/config-service.js';
const config = new ConfigService();
const app = express();
app.put('/setup', async (req, res) => {
  await config.update('setup', 'done', false);
  await config.update('theme', 'dark');
  await config.updatePassingOn('theme', 'dark', false);
  await config.completeSetup();
  res.end();
});
`,
    },
    {
      name: 'a GraphQL subscription resolver is not a request handler',
      filename,
      code: `
import { Resolver, Subscription } from '@nestjs/graphql';
import { ConfigService } from '../services/chain/config-service.js';
@Resolver()
export class InfraResolver {
  constructor(private readonly config: ConfigService) {}
  @Subscription(() => Boolean)
  configChanged() {
    void this.config.updateMany({});
    return this.pubsub.asyncIterator('config');
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a NestJS GraphQL mutation whose injected service reaches a timer of a third module (hoppscotch infra.resolver)',
      filename,
      code: `
import { Mutation, Resolver } from '@nestjs/graphql';
import { ConfigService } from '../services/chain/config-service.js';
@Resolver()
export class InfraResolver {
  constructor(private readonly config: ConfigService) {}
  @Mutation(() => Boolean)
  async updateInfraConfigs() {
    await this.config.updateMany({});
    return true;
  }
}
`,
      errors: [
        {
          messageId: 'timerInHelper',
          line: 9,
          column: 11,
          data: {
            callee: 'this.config.updateMany()',
            handler: 'Mutation updateInfraConfigs',
            via: '',
            work: 'stopApp() → setTimeout()',
            site: '../services/chain/restart.ts:3',
          },
        },
      ],
    },
    {
      name: 'a resolver of an Apollo resolver map that floats a promise',
      filename,
      code: `
import { ApolloServer } from '@apollo/server';
const server = new ApolloServer({
  typeDefs,
  resolvers: {
    Mutation: {
      invite: (_parent, args) => {
        void fetch('https://mail.example.com/invite', { method: 'POST', body: args.email });
        return true;
      },
    },
  },
});
`,
      errors: [{ messageId: 'voidedPromise', line: 8, data: { callee: 'fetch()', handler: 'Mutation invite', via: '' } }],
    },
    {
      name: 'a call passing true, or a value of the request, for the parameter that guards the timer',
      filename,
      code: `
import express from 'express';
import { ConfigService } from '../services/chain/config-service.js';
const config = new ConfigService();
const app = express();
app.put('/setup', async (req, res) => {
  await config.update('setup', 'done', true);
  await config.updatePassingOn('theme', 'dark', req.body.restart);
  res.end();
});
`,
      errors: [
        {
          messageId: 'timerInHelper',
          line: 7,
          data: {
            callee: 'config.update()',
            handler: 'PUT /setup',
            via: '',
            work: 'stopApp() → setTimeout()',
            site: '../services/chain/restart.ts:3',
          },
        },
        {
          messageId: 'timerInHelper',
          line: 8,
          data: {
            callee: 'config.updatePassingOn()',
            handler: 'PUT /setup',
            via: '',
            work: 'this.update() → stopApp() → setTimeout()',
            site: '../services/chain/restart.ts:3',
          },
        },
      ],
    },
    {
      name: 'a service method reaching a timer of a third module through a same-class call (hoppscotch stopApp)',
      filename,
      code: `
import express from 'express';
import { ConfigService } from '../services/chain/config-service.js';
const config = new ConfigService();
const app = express();
app.post('/onboarding', async (req, res) => {
  await config.updateOnboarding(req.body);
  res.end();
});
`,
      errors: [
        {
          messageId: 'timerInHelper',
          line: 7,
          column: 9,
          data: {
            callee: 'config.updateOnboarding()',
            handler: 'POST /onboarding',
            via: '',
            work: 'this.updateMany() → stopApp() → setTimeout()',
            site: '../services/chain/restart.ts:3',
          },
        },
      ],
    },
    {
      name: 'a timer three modules away, through a namespace import in the middle',
      filename,
      code: `
import express from 'express';
import { viaTwoHops } from '../services/chain/config-service.js';
const app = express();
app.post('/x', (req, res) => {
  viaTwoHops();
  res.end();
});
`,
      errors: [
        {
          messageId: 'timerInHelper',
          line: 6,
          column: 3,
          data: {
            callee: 'viaTwoHops()',
            handler: 'POST /x',
            via: '',
            work: 'hops.hopOne() → hopTwo() → setInterval()',
            site: '../services/chain/hop-two.ts:4',
          },
        },
      ],
    },
    {
      name: 'a helper that voids a promise, even when the call is awaited',
      filename,
      code: `
import express from 'express';
import { notifyAll } from '../services/notify.js';
const app = express();
app.post('/x', async (req, res) => {
  await notifyAll(req.body.users);
  res.end();
});
`,
      errors: [
        {
          messageId: 'floatingInHelper',
          line: 6,
          column: 9,
          data: { callee: 'notifyAll()', handler: 'POST /x', via: '', work: 'void sendEmail()', site: '../services/notify.ts:7' },
        },
      ],
    },
    {
      name: 'a helper that starts a timer, through a namespace import',
      filename,
      code: `
import express from 'express';
import * as notify from '../services/notify.js';
const app = express();
app.post('/x', (req, res) => {
  notify.scheduleDigest(req.body.user);
  res.end();
});
`,
      errors: [
        {
          messageId: 'timerInHelper',
          line: 6,
          column: 3,
          data: { callee: 'notify.scheduleDigest()', handler: 'POST /x', via: '', work: 'setTimeout()', site: '../services/notify.ts:11' },
        },
      ],
    },
    {
      name: 'a helper that floats work through a same-module call of its own',
      filename,
      code: `
import express from 'express';
import { relay } from '../services/notify.js';
const app = express();
app.post('/x', (req, res) => {
  relay(req.body.user);
  res.end();
});
`,
      errors: [
        {
          messageId: 'floatingInHelper',
          line: 6,
          column: 3,
          data: {
            callee: 'relay()',
            handler: 'POST /x',
            via: '',
            work: 'notifyAll() → void sendEmail()',
            site: '../services/notify.ts:19',
          },
        },
      ],
    },
    {
      name: 'an awaited method of an exported instance whose own method starts a timer',
      filename,
      code: `
import express from 'express';
import { notifier } from '../services/notify.js';
const app = express();
app.post('/x', async (req, res) => {
  await notifier.notifyLater(req.body.user);
  res.end();
});
`,
      errors: [
        {
          messageId: 'timerInHelper',
          line: 6,
          column: 9,
          data: {
            callee: 'notifier.notifyLater()',
            handler: 'POST /x',
            via: '',
            work: 'this.queueOne() → setTimeout()',
            site: '../services/notify.ts:28',
          },
        },
      ],
    },
  ],
});
