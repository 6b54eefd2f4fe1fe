import { describe, expect, it } from 'vitest';
import { mayRoute } from '../../src/routes/may-route.js';
import { readFleetSettings } from '../../src/settings.js';

const defaults = readFleetSettings(undefined);
const ROUTE_EXPORT = 'export async function GET() {\n  return Response.json({ ok: true });\n}\n';

describe('fleet routes pre-filter', () => {
  it('keeps route files of file-routed frameworks by their path alone', () => {
    expect(mayRoute('/p/app/api/users/route.ts', ROUTE_EXPORT, defaults)).toBe(true);
    expect(mayRoute('/p/src/routes/api/users/+server.ts', ROUTE_EXPORT, defaults)).toBe(true);
    expect(mayRoute('/p/server/api/users.get.ts', 'export default defineEventHandler(() => ({}));\n', defaults)).toBe(true);
    expect(mayRoute('/p/app/routes/users.$id.tsx', 'export async function loader() { return null; }\n', defaults)).toBe(true);
    expect(mayRoute('/p/src/api/store/custom/route.ts', ROUTE_EXPORT, defaults)).toBe(true);
  });

  it('keeps files with a framework word or a registration call', () => {
    expect(
      mayRoute('/p/src/users.ts', "import { Hono } from 'hono';\nexport const users = new Hono().get('/', (c) => c.json([]));\n", defaults),
    ).toBe(true);
    expect(mayRoute('/p/src/users.js', "module.exports = (api) => { api.post('/x', h); };\n", defaults)).toBe(true);
    expect(mayRoute('/p/src/actions.ts', "'use server';\nexport async function save() {}\n", defaults)).toBe(true);
  });

  it('skips a module that only imports a framework: it registers nothing', () => {
    expect(mayRoute('/p/src/types.ts', "import type { Context } from 'hono';\nexport type Env = { ctx: Context };\n", defaults)).toBe(
      false,
    );
  });

  it('skips a module that only exports values, unless settings declare handlers', () => {
    const util = 'export function add(a: number, b: number) {\n  return a + b;\n}\n';
    expect(mayRoute('/p/src/lib/math.ts', util, defaults)).toBe(false);
    expect(mayRoute('/p/app/api/users/helpers.ts', ROUTE_EXPORT, defaults)).toBe(false);
    const declared = readFleetSettings({ handlers: [{ callee: 'defineEndpoint' }] });
    expect(mayRoute('/p/src/lib/math.ts', util, declared)).toBe(true);
  });

  it('keeps a registration whatever the object is called or where it comes from', () => {
    const kept: Array<[string, string]> = [
      ['/p/src/api.js', "module.exports = (api) => {\n  api.post('/x', handler);\n};\n"],
      ['/p/src/r.ts', "import router from './router';\nrouter.get('/users/:id', auth(), async (ctx) => { ctx.body = 1; });\n"],
      ['/p/src/r.ts', "export function mount(app) {\n  for (const m of ['get', 'post']) app[m]('/x', handlers[m]);\n}\n"],
      ['/p/src/r.ts', "export default async function (fastify) {\n  fastify.route({ method: 'GET', url: '/x', handler });\n}\n"],
      ['/p/src/r.ts', "import { Elysia } from 'elysia';\nexport const live = new Elysia().ws('/live', { message() {} });\n"],
      [
        '/p/src/r.ts',
        "import { OpenAPIHono } from '@hono/zod-openapi';\nconst app = new OpenAPIHono();\napp.openapi(route, (c) => c.json({}));\n",
      ],
      ['/p/src/r.ts', "import { Router } from 'express';\nconst r = Router();\nr.route('/x').get(list).post(create);\n"],
      ['/p/src/server.ts', 'const app = express();\napp.use(auth);\n'],
      [
        '/p/src/users.controller.ts',
        "import { Controller, Get } from '@nestjs/common';\n@Controller('users')\nexport class Users {\n  @Get() list() { return []; }\n}\n",
      ],
      [
        '/p/app/form.tsx',
        "export function Form() {\n  async function save() {\n    'use server';\n  }\n  return <form action={save} />;\n}\n",
      ],
    ];
    for (const [file, text] of kept) expect(mayRoute(file, text, defaults), text).toBe(true);
  });

  it('skips calls that only share a registration word: map look-ups, API clients, service workers', () => {
    const skipped: Array<[string, string]> = [
      ['/p/app/stores/documents.ts', 'export const doc = (id: string) => collections.get(id) ?? documents.get(route.id);\n'],
      ['/p/app/actions.ts', "export const approve = (id: string) => client.post('/accessRequests.approve', { id });\n"],
      ['/p/app/sw.ts', "navigator.serviceWorker.register('/static/sw.js', { scope: '/' });\n"],
      ['/p/app/editor.ts', 'export const cut = (tr, at, size) => tr.delete(at, at + size);\n'],
      ['/p/app/nav.tsx', "import { useRouter } from 'next/router';\nexport const Nav = () => useRouter().push('/home');\n"],
    ];
    for (const [file, text] of skipped) expect(mayRoute(file, text, defaults), text).toBe(false);
  });
});
