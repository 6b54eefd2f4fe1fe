// Routes whose handler is not a function of the linted file (an imported controller method, a
// package-built Next.js handler) are classified like any other. Same conventions as
// require-route-role.test.ts: literal cases, messageId, position and `suggestions: null`.
import { RuleTester } from '@typescript-eslint/rule-tester';
import requireRouteRole from '../../rules/require-route-role.js';
import type { MessageIds, Options } from '../../rules/require-route-role.js';
import { BASIC, MANIFEST, NO_MANIFEST, useFreshManifestCaches } from './route-fixtures.js';

const rule = requireRouteRole as never;

useFreshManifestCaches();

const ruleTester = new RuleTester();

ruleTester.run<MessageIds, Options>('require-route-role (external handlers)', rule, {
  valid: [
    {
      name: 'express: a declared route whose handler is a bound method of an imported controller',
      filename: BASIC,
      code: `
import express from 'express';
import RunController from './run-controller.js';
const app = express();
app.get('/api/runs/:id', RunController.show.bind(this));
`,
    },
    {
      name: 'express: a declared route whose handler comes from require()',
      filename: BASIC,
      code: `
const express = require('express');
const app = express();
app.get('/health', require('./health').check);
`,
    },
  ],
  invalid: [
    {
      name: 'express: an undeclared route whose handler is a bound method of an imported controller',
      filename: BASIC,
      code: `
import express from 'express';
import LibraryController from './library-controller.js';
const app = express();
app.post('/libraries', LibraryController.create.bind(this));
`,
      errors: [
        {
          messageId: 'undeclared',
          data: { route: 'POST /libraries', manifest: MANIFEST },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 9,
          suggestions: null,
        },
      ],
    },
    {
      name: 'express: only the undeclared one of a declared and an undeclared external route is reported',
      filename: BASIC,
      code: `
import express from 'express';
import users from './users-controller.js';
const app = express();
app.get('/users/:id', users.show);
app.delete('/users/:id', users.remove);
`,
      errors: [
        { messageId: 'undeclared', data: { route: 'DELETE /users/{id}', manifest: MANIFEST }, line: 6, column: 1, suggestions: null },
      ],
    },
    {
      name: 'next.js: a pages/api catch-all whose default export is built by a package',
      filename: 'test/fixtures/routes/basic/pages/api/auth/[...nextauth].ts',
      code: `
import NextAuth from 'next-auth';
import { authOptions } from '../../../src/auth-options';
export default NextAuth(authOptions);
`,
      errors: [
        { messageId: 'undeclared', data: { route: '* /api/auth/{*nextauth}', manifest: MANIFEST }, line: 4, column: 1, suggestions: null },
      ],
    },
    {
      name: 'no manifest: a file with only external routes still gets the one noManifest report, counting them',
      filename: NO_MANIFEST,
      code: `
import express from 'express';
import LibraryController from './library-controller.js';
const app = express();
app.get('/libraries', LibraryController.findAll.bind(this));
app.post('/libraries', LibraryController.create.bind(this));
`,
      errors: [{ messageId: 'noManifest', data: { count: 2 }, line: 5, column: 1, suggestions: null }],
    },
  ],
});
