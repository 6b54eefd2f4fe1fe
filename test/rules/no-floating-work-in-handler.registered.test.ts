// Handlers registered by another module (issue 9, root causes 2 and 4): the code is linted as a
// file of test/fixtures/registered/, whose routers on disk register its exports (a controller
// method bound on a class-property router, an Express middleware factory, a Koa one).
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noFloatingWorkInHandler from '../../rules/no-floating-work-in-handler.js';
import type { MessageIds, Options } from '../../rules/no-floating-work-in-handler.js';

// rule-tester brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noFloatingWorkInHandler as never;

const fixture = (file: string): string => path.resolve(import.meta.dirname, '../fixtures/registered', file);

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-floating-work-in-handler (handlers registered by another module)', rule, {
  valid: [
    {
      name: 'a Koa middleware factory nobody registers',
      filename: fixture('middleware/request-log.mjs'),
      code: `
import { appendFile } from 'node:fs/promises';
export function unusedFactory() {
  return async (ctx, next) => {
    appendFile('/tmp/x', ctx.path);
    await next();
  };
}
`,
    },
    {
      name: 'a controller registered only by a test file',
      filename: fixture('controllers/test-only.js'),
      code: `
exports.probe = async (req, res) => {
  fetch('https://example.com/ping');
  res.end();
};
`,
    },
    {
      name: 'a registered controller that awaits its work',
      filename: fixture('controllers/library-controller.js'),
      code: `
const Database = require('../database');
class LibraryController {
  async create(req, res) {
    const library = await Database.createLibrary(req.body);
    await Database.reindex(library.id);
    res.json(library);
  }
}
module.exports = new LibraryController();
`,
    },
  ],
  invalid: [
    {
      name: 'express: a controller method registered with `LibraryController.create.bind(this)` in another module',
      filename: fixture('controllers/library-controller.js'),
      code: `
const Database = require('../database');
class LibraryController {
  async create(req, res) {
    const library = await Database.createLibrary(req.body);
    Database.reindex(library.id);
    res.json(library);
  }
}
module.exports = new LibraryController();
`,
      errors: [
        {
          messageId: 'floatingPromise',
          data: { callee: 'Database.reindex()', handler: 'POST /libraries (prefix unresolved)', via: '' },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
const Database = require('../database');
class LibraryController {
  async create(req, res) {
    const library = await Database.createLibrary(req.body);
    await Database.reindex(library.id);
    res.json(library);
  }
}
module.exports = new LibraryController();
`,
            },
          ],
        },
      ],
    },
    {
      name: 'express: the function a middleware factory returns, registered as `app.use(rateLimit({ … }))`',
      filename: fixture('middleware/rate-limit.js'),
      code: `
const { audit } = require('./audit');
exports.rateLimit = (options) => async (req, res, next) => {
  audit(req.ip, options.max);
  next();
};
`,
      errors: [
        {
          messageId: 'floatingPromise',
          data: { callee: 'audit()', handler: 'middleware rateLimit()', via: '' },
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
const { audit } = require('./audit');
exports.rateLimit = (options) => async (req, res, next) => {
  await audit(req.ip, options.max);
  next();
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'koa: the function a middleware factory in its own ES module returns, registered as `app.use(requestLog({ … }))`',
      filename: fixture('middleware/request-log.mjs'),
      code: `
import { appendFile } from 'node:fs/promises';
export function requestLog({ file }) {
  return async (ctx, next) => {
    appendFile(file, \`\${ctx.method} \${ctx.path}\\n\`);
    await next();
  };
}
`,
      errors: [
        {
          messageId: 'floatingPromise',
          data: { callee: 'appendFile()', handler: 'middleware requestLog()', via: '' },
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'awaitIt',
              output: `
import { appendFile } from 'node:fs/promises';
export function requestLog({ file }) {
  return async (ctx, next) => {
    await appendFile(file, \`\${ctx.method} \${ctx.path}\\n\`);
    await next();
  };
}
`,
            },
          ],
        },
      ],
    },
  ],
});
