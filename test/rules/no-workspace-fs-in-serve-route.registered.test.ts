// Handlers registered by another module (issue 9, root causes 2 and 4): the code is linted as a
// file of test/fixtures/registered/, whose routers on disk register its exports. No manifest
// applies there, so every handler is in scope. Each invalid case asserts messageId, position,
// data and `suggestions: null`.
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noWorkspaceFsInServeRoute from '../../rules/no-workspace-fs-in-serve-route.js';
import type { MessageIds, Options } from '../../rules/no-workspace-fs-in-serve-route.js';
import { useFreshManifestCaches } from './route-fixtures.js';

// rule-tester brings its own @typescript-eslint/utils; the runtime objects are the same.
const rule = noWorkspaceFsInServeRoute as never;

const fixture = (file: string): string => path.resolve(import.meta.dirname, '../fixtures/registered', file);

useFreshManifestCaches();

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('no-workspace-fs-in-serve-route (handlers registered by another module)', rule, {
  valid: [
    {
      name: 'an exported function no module registers is no handler',
      filename: fixture('controllers/files.js'),
      code: `
const { readFile } = require('node:fs/promises');
const path = require('node:path');
exports.helper = async (req, res) => {
  res.send(await readFile(path.join(process.env.UPLOAD_DIR, req.params.name)));
};
`,
    },
    {
      name: 'a controller registered only by a test file is no handler',
      filename: fixture('controllers/test-only.js'),
      code: `
const { readFileSync } = require('node:fs');
exports.probe = async (req, res) => {
  res.send(readFileSync(process.env.DATA_DIR + '/probe.txt'));
};
`,
    },
    {
      name: 'a method of the registered class that no route names is no handler',
      filename: fixture('controllers/library-controller.js'),
      code: `
const Database = require('../database');
class LibraryController {
  async unregistered(req, res) {
    res.sendFile((await Database.findItem(req.params.id)).path);
  }
}
module.exports = new LibraryController();
`,
    },
  ],
  invalid: [
    {
      name: 'express: methods of an exported instance registered with `Ctl.getCover.bind(this)` on `this.router`',
      filename: fixture('controllers/library-controller.js'),
      code: `
const fs = require('node:fs/promises');
const Database = require('../database');
class LibraryController {
  async getCover(req, res) {
    const item = await Database.findItem(req.params.id);
    await fs.access(item.coverPath);
    res.sendFile(item.coverPath);
  }
}
module.exports = new LibraryController();
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'fs.access',
            what: 'a local-disk path',
            source: 'item.coverPath',
            handler: 'GET /libraries/:id/cover (prefix unresolved)',
            via: '',
          },
          line: 7,
          column: 11,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: {
            callee: 'res.sendFile',
            what: 'a local-disk path',
            source: 'item.coverPath',
            handler: 'GET /libraries/:id/cover (prefix unresolved)',
            via: '',
          },
          line: 8,
          column: 5,
          suggestions: null,
        },
      ],
    },
    {
      name: 'express: an `exports.download` controller registered as `files.download`',
      filename: fixture('controllers/files.js'),
      code: `
const { readFile } = require('node:fs/promises');
const path = require('node:path');
exports.download = async (req, res) => {
  res.send(await readFile(path.join(process.env.UPLOAD_DIR, req.params.name)));
};
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'readFile',
            what: 'a local-disk path',
            source: 'process.env.UPLOAD_DIR',
            handler: 'GET /files/:name (prefix unresolved)',
            via: '',
          },
          line: 5,
          column: 18,
          suggestions: null,
        },
      ],
    },
    {
      name: 'express: a method assigned to an object that `controllers/index.js` re-exports',
      filename: fixture('controllers/authors.js'),
      code: `
const fs = require('node:fs');
const authors = {};
authors.get = async function (req, res) {
  const image = \`/metadata/authors/\${req.params.id}.jpg\`;
  if (fs.existsSync(image)) return res.sendFile(image);
  res.sendStatus(404);
};
module.exports = authors;
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'fs.existsSync',
            what: 'a local-disk path',
            source: '`/metadata/authors/${',
            handler: 'GET /authors/:id (prefix unresolved)',
            via: '',
          },
          line: 6,
          column: 7,
          suggestions: null,
        },
        {
          messageId: 'noManifest',
          data: {
            callee: 'res.sendFile',
            what: 'a local-disk path',
            source: '`/metadata/authors/${',
            handler: 'GET /authors/:id (prefix unresolved)',
            via: '',
          },
          line: 6,
          column: 36,
          suggestions: null,
        },
      ],
    },
    {
      name: 'express: a curried middleware (`currify`) used as `app.use(userMenu({ … }))`',
      filename: fixture('middleware/user-menu.js'),
      code: `
const { readFile } = require('node:fs/promises');
const path = require('node:path');
const currify = require('currify');
module.exports = currify(async ({ name }, req, res, next) => {
  const menu = await readFile(path.join(process.env.MENU_ROOT, req.query.dir, name), 'utf8');
  res.send(menu);
});
`,
      errors: [
        {
          messageId: 'noManifest',
          data: {
            callee: 'readFile',
            what: 'a local-disk path',
            source: 'process.env.MENU_ROOT',
            handler: 'middleware userMenu()',
            via: '',
          },
          line: 6,
          column: 22,
          suggestions: null,
        },
      ],
    },
  ],
});
