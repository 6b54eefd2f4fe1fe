// Issue 9 §2: handlers registered through a project's own registration helper, inferred from the
// helper's body (`src/handlers/detectors/registration-helpers.ts`).
import { RuleTester } from '@typescript-eslint/rule-tester';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

const rule = noFloatingWorkInHandler as never;

const ruleTester = new RuleTester();

const HELPER = `
import express from 'express';
const app = express();
async function sendWelcome(email) {
  await fetch('https://mail.example/send', { method: 'POST', body: email });
}
function setupRoute(...args) {
  const [router, verb, name] = args;
  const controller = args[args.length - 1];
  router[verb](name, async (req, res, next) => {
    try {
      await controller(req, res);
    } catch (err) {
      next(err);
    }
  });
}
`;

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler (registration helpers)', rule, {
  valid: [
    {
      name: 'the handler passed to a helper awaits its work',
      filename: 'src/routes/users.js',
      code: `${HELPER}
setupRoute(app, 'post', '/users', async (req, res) => {
  await sendWelcome(req.body.email);
  res.sendStatus(201);
});
`,
    },
    {
      name: 'heuristics off: a helper call registers nothing',
      filename: 'src/routes/users.js',
      settings: { fleet: { heuristics: false } },
      code: `${HELPER}
setupRoute(app, 'post', '/users', async (req, res) => {
  sendWelcome(req.body.email);
  res.sendStatus(201);
});
`,
    },
  ],
  invalid: [
    {
      name: 'the handler passed to a helper (rest arguments, computed verb) floats its work',
      filename: 'src/routes/users.js',
      code: `${HELPER}
setupRoute(app, 'post', '/users', async (req, res) => {
  sendWelcome(req.body.email);
  res.sendStatus(201);
});
`,
      errors: [
        {
          messageId: 'floatingPromise',
          data: { callee: 'sendWelcome()', handler: 'POST /users', via: '' },
          line: 20,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `${HELPER}
setupRoute(app, 'post', '/users', async (req, res) => {
  await sendWelcome(req.body.email);
  res.sendStatus(201);
});
`,
            },
          ],
        },
      ],
    },
  ],
});
