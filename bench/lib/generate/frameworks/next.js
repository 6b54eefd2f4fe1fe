import { routeFile } from './common.js';

const VERB_ORDER = ['GET', 'PUT', 'DELETE', 'POST'];

/**
 * `app/api/<plural>/route.ts` (collection: GET list, POST create) or
 * `app/api/<plural>/[id]/route.ts` (item: GET, PUT, DELETE, POST action). Some exports are plain
 * `export async function`, others `export const X = withAuth(async (request) => ...)`.
 * @param {import('../random.js').Random} rnd
 * @param {import('../domain.js').Domain} d
 * @param {boolean} item
 */
export function nextRouteFile(rnd, d, item) {
  const routes = item
    ? [
        { action: 'get', method: 'GET', suffix: '/:id' },
        { action: 'update', method: 'PUT', suffix: '/:id' },
        { action: 'delete', method: 'DELETE', suffix: '/:id' },
        { action: 'custom', method: 'POST', suffix: '/:id/sync' },
      ].filter((r, i) => i < 1 || rnd.chance(0.8))
    : [
        { action: 'list', method: 'GET', suffix: '' },
        { action: 'create', method: 'POST', suffix: '' },
      ];
  routes.sort((a, b) => VERB_ORDER.indexOf(a.method) - VERB_ORDER.indexOf(b.method));
  const root = item ? '../../../../src' : '../../../src';
  const wrapped = !item && rnd.chance(0.5);
  return routeFile(rnd, d, {
    root,
    routes,
    imports: ["import { NextResponse } from 'next/server';", ...(wrapped ? [`import { withAuth } from '${root}/auth.js';`] : [])],
    adapter: {
      param: '(await context.params).id',
      body: (T) => `(await request.json()) as ${T}Input`,
      query: (name) => `new URL(request.url).searchParams.get('${name}') ?? undefined`,
      ok: (expr) => `return NextResponse.json(${expr});`,
      created: (expr) => `return NextResponse.json(${expr}, { status: 201 });`,
      indent: '  ',
      after: true,
    },
    open: [],
    wrap: (route) => {
      const ctx = item ? ', context: { params: Promise<{ id: string }> }' : '';
      if (wrapped && route.method === 'POST') {
        return { head: `export const POST = withAuth(async (request: Request) => {`, tail: '});' };
      }
      return { head: `export async function ${route.method}(request: Request${ctx}) {`, tail: '}' };
    },
    close: [],
  });
}

/**
 * `pages/api/<plural>.ts`: a default-exported `(req, res)` handler switching on `req.method`.
 * @param {import('../random.js').Random} rnd
 * @param {import('../domain.js').Domain} d
 */
export function pagesApiFile(rnd, d) {
  const routes = [
    { action: 'list', method: 'GET', suffix: '' },
    { action: 'create', method: 'POST', suffix: '' },
  ];
  if (rnd.chance(0.6)) routes.push({ action: 'update', method: 'PUT', suffix: '/:id' });
  return routeFile(rnd, d, {
    root: '../../src',
    routes,
    imports: ["import type { NextApiRequest, NextApiResponse } from 'next';"],
    adapter: {
      param: 'String(req.query.id)',
      body: (T) => `req.body as ${T}Input`,
      query: (name) => `req.query.${name}`,
      ok: (expr) => `return res.json(${expr});`,
      created: (expr) => `return res.status(201).json(${expr});`,
      indent: '      ',
    },
    open: ['export default async function handler(req: NextApiRequest, res: NextApiResponse) {', '  switch (req.method) {'],
    wrap: (route) => ({ head: `    case '${route.method}': {`, tail: '    }' }),
    close: [
      '    default:',
      `      res.setHeader('Allow', '${routes.map((r) => r.method).join(', ')}');`,
      '      return res.status(405).end();',
      '  }',
      '}',
    ],
  });
}

/**
 * `app/<plural>/actions.ts`: a `'use server'` module of form actions.
 * @param {import('../random.js').Random} rnd
 * @param {import('../domain.js').Domain} d
 */
export function serverActionsFile(rnd, d) {
  const routes = [
    { action: 'create', method: 'POST', suffix: '' },
    { action: 'update', method: 'PUT', suffix: '/:id' },
    { action: 'custom', method: 'POST', suffix: '/:id/publish' },
  ];
  let n = 0;
  return routeFile(rnd, d, {
    root: '../../src',
    routes,
    directive: "'use server';",
    imports: [],
    adapter: {
      param: "String(formData.get('id'))",
      body: (T) => `Object.fromEntries(formData) as unknown as ${T}Input`,
      query: (name) => `formData.get('${name}')`,
      ok: (expr) => `return ${expr};`,
      created: (expr) => `return ${expr};`,
      indent: '  ',
      after: true,
    },
    open: [],
    wrap: (route) => {
      n += 1;
      return { head: `export async function ${route.action}${d.type}${n}(formData: FormData) {`, tail: '}' };
    },
    close: [],
  });
}
