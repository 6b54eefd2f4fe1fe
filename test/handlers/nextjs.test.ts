import { parseForESLint } from '@typescript-eslint/parser';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectNextjs } from '../../src/frameworks/nextjs/detector.js';
import { classifyNextFile } from '../../src/frameworks/nextjs/next-file.js';
import { inlineServerActions } from '../../src/frameworks/nextjs/server-actions.js';
import { getHandlerModel } from '../../src/handlers/model.js';
import { readFleetSettings } from '../../src/settings.js';
import type { HandlerFinding } from '../../src/handlers/types.js';
import { parse, runDetector } from './parse.js';

function detect(code: string, filename: string): HandlerFinding[] {
  return runDetector(detectNextjs, code, filename);
}

/** What a test cares about: kind, label, route, and the handler's first source line. */
function summary(handlers: HandlerFinding[], code: string) {
  return handlers.map((handler) => ({
    kind: handler.kind,
    label: handler.label,
    methods: handler.route?.methods,
    path: handler.route?.path,
    line: code.slice(handler.node.range[0], handler.node.range[1]).split('\n')[0],
  }));
}

describe('classifyNextFile', () => {
  it('maps App Router route files to their URL, dropping groups and slots', () => {
    expect(classifyNextFile('/repo/app/api/users/[id]/route.ts')).toEqual({ kind: 'app-route', path: '/api/users/[id]' });
    expect(classifyNextFile('/repo/src/app/(admin)/@modal/settings/route.js')).toEqual({ kind: 'app-route', path: '/settings' });
    expect(classifyNextFile('/repo/app/route.mts')).toEqual({ kind: 'app-route', path: '/' });
    expect(classifyNextFile('/repo/apps/web/app/shop/[...slug]/route.tsx')).toEqual({ kind: 'app-route', path: '/shop/[...slug]' });
  });

  it('handles Windows separators', () => {
    expect(classifyNextFile('C:\\work\\site\\src\\app\\api\\orders\\[orderId]\\route.ts')).toEqual({
      kind: 'app-route',
      path: '/api/orders/[orderId]',
    });
    expect(classifyNextFile('C:\\work\\site\\pages\\api\\hello.js')).toEqual({ kind: 'pages-api', path: '/api/hello' });
  });

  it('rejects route files outside app/, in private folders, tests and declarations', () => {
    expect(classifyNextFile('/repo/src/lib/route.ts')).toEqual({ kind: 'other' });
    expect(classifyNextFile('/repo/app/_lib/route.ts')).toEqual({ kind: 'other' });
    expect(classifyNextFile('/repo/app/api/route.test.ts')).toEqual({ kind: 'other' });
    expect(classifyNextFile('/repo/app/api/route.d.ts')).toEqual({ kind: 'other' });
    expect(classifyNextFile('/repo/app/api/users/page.tsx')).toEqual({ kind: 'other' });
  });

  it('maps pages/api files, with index naming the folder', () => {
    expect(classifyNextFile('/repo/pages/api/users/index.ts')).toEqual({ kind: 'pages-api', path: '/api/users' });
    expect(classifyNextFile('/repo/src/pages/api/users/[id].ts')).toEqual({ kind: 'pages-api', path: '/api/users/[id]' });
    expect(classifyNextFile('/repo/pages/api/__tests__/users.ts')).toEqual({ kind: 'other' });
    expect(classifyNextFile('/repo/pages/users/[id].tsx')).toEqual({ kind: 'other' });
  });

  it('names the folder a middleware file needs to be the project root', () => {
    expect(classifyNextFile('/repo/middleware.ts')).toEqual({ kind: 'middleware', root: '/repo' });
    expect(classifyNextFile('/repo/src/proxy.ts')).toEqual({ kind: 'middleware', root: '/repo' });
    expect(classifyNextFile('/repo/src/lib/middleware.ts')).toEqual({ kind: 'middleware', root: '/repo/src/lib' });
    expect(classifyNextFile('/repo/app/middleware.ts')).toEqual({ kind: 'other' });
  });
});

describe('detectNextjs: App Router route handlers', () => {
  it('finds function, const, wrapped and re-named method exports in a nested dynamic route', () => {
    const code = `import { NextResponse, type NextRequest } from 'next/server';
import { withAuth } from '@/lib/auth';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

async function remove(req: NextRequest) {
  await db.user.delete({ where: { id: '1' } });
  return new Response(null, { status: 204 });
}

export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return NextResponse.json(await db.user.findUnique({ where: { id } }));
}
export const PUT = async (req: NextRequest) => NextResponse.json(await req.json());
export const PATCH = withAuth(async (req: NextRequest) => NextResponse.json({ ok: true }));
export { remove as DELETE };
function helper() { return 1; }
export const config = { runtime: 'nodejs' };
`;
    expect(summary(detect(code, '/repo/src/app/api/orgs/[orgId]/users/[id]/route.ts'), code)).toEqual([
      {
        kind: 'route',
        label: 'DELETE /api/orgs/[orgId]/users/[id]',
        methods: ['DELETE'],
        path: '/api/orgs/[orgId]/users/[id]',
        line: 'async function remove(req: NextRequest) {',
      },
      {
        kind: 'route',
        label: 'GET /api/orgs/[orgId]/users/[id]',
        methods: ['GET'],
        path: '/api/orgs/[orgId]/users/[id]',
        line: 'async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {',
      },
      {
        kind: 'route',
        label: 'PUT /api/orgs/[orgId]/users/[id]',
        methods: ['PUT'],
        path: '/api/orgs/[orgId]/users/[id]',
        line: 'async (req: NextRequest) => NextResponse.json(await req.json())',
      },
      {
        kind: 'route',
        label: 'PATCH /api/orgs/[orgId]/users/[id]',
        methods: ['PATCH'],
        path: '/api/orgs/[orgId]/users/[id]',
        line: 'async (req: NextRequest) => NextResponse.json({ ok: true })',
      },
    ]);
  });

  it('merges one function exported under several methods and follows a wrapper argument identifier', () => {
    const code = `import { withSession } from '@/lib/session';
const handler = withSession(async function handle(req: Request) { return Response.json({}); });
export { handler as GET, handler as POST };
`;
    const handlers = detect(code, '/repo/app/api/session/route.ts');
    expect(summary(handlers, code)).toEqual([
      {
        kind: 'route',
        label: 'GET, POST /api/session',
        methods: ['GET', 'POST'],
        path: '/api/session',
        line: 'async function handle(req: Request) { return Response.json({}); }',
      },
    ]);
    expect(handlers[0]?.route?.registration.type).toBe('ExportSpecifier');
    expect(handlers[0]?.confidence).toBe('certain');
    expect(handlers[0]?.framework).toBe('nextjs');
  });

  it('reports nothing for re-exports and handler factories whose function lives elsewhere', () => {
    const code = `import NextAuth from 'next-auth';
import { authOptions } from '@/auth';
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
export { PUT } from './other';
`;
    expect(detect(code, '/repo/app/api/auth/[...nextauth]/route.ts')).toEqual([]);
  });

  it('ignores GET exports outside route files', () => {
    const code = `export async function GET() { return Response.json({}); }\nexport const POST = async () => new Response();\n`;
    expect(detect(code, '/repo/src/lib/http/route.ts')).toEqual([]);
    expect(detect(code, '/repo/app/api/users/handlers.ts')).toEqual([]);
    expect(detect(code, '/repo/app/(shop)/page.tsx')).toEqual([]);
  });

  it('ignores non-method exports of a route file', () => {
    const code = `export const revalidate = 60;\nexport function generateStaticParams() { return []; }\nexport async function get() { return new Response(); }\n`;
    expect(detect(code, '/repo/app/feed/route.ts')).toEqual([]);
  });
});

describe('detectNextjs: Pages Router API routes', () => {
  it('finds a default-exported function declaration', () => {
    const code = `import type { NextApiRequest, NextApiResponse } from 'next';
export default async function handler(req: NextApiRequest, res: NextApiResponse) { res.status(200).json({}); }
`;
    expect(summary(detect(code, '/repo/pages/api/users/[id].ts'), code)).toEqual([
      {
        kind: 'route',
        label: '* /api/users/[id]',
        methods: ['*'],
        path: '/api/users/[id]',
        line: 'async function handler(req: NextApiRequest, res: NextApiResponse) { res.status(200).json({}); }',
      },
    ]);
  });

  it('follows a default-exported identifier through a wrapper call', () => {
    const code = `import { withIronSessionApiRoute } from 'iron-session/next';
const login = async (req, res) => { res.send('ok'); };
export default withIronSessionApiRoute(login, { cookieName: 's' });
`;
    expect(summary(detect(code, '/repo/src/pages/api/login.js'), code)).toEqual([
      { kind: 'route', label: '* /api/login', methods: ['*'], path: '/api/login', line: "async (req, res) => { res.send('ok'); }" },
    ]);
  });

  it('finds a default-exported arrow and ignores named exports', () => {
    const code = `export const config = { api: { bodyParser: false } };\nexport function helper() {}\nexport default (req, res) => res.end();\n`;
    expect(summary(detect(code, '/repo/pages/api/index.ts'), code)).toEqual([
      { kind: 'route', label: '* /api', methods: ['*'], path: '/api', line: '(req, res) => res.end()' },
    ]);
  });
});

describe('detectNextjs: server actions', () => {
  it('takes every exported async function of a use-server module, not its helpers', () => {
    const code = `'use server';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';

async function audit(action: string) { await db.audit.create({ data: { action } }); }
function slugify(title: string) { return title.toLowerCase(); }

export async function createPost(formData: FormData) {
  await db.post.create({ data: { slug: slugify(String(formData.get('title'))) } });
  await audit('create');
  revalidatePath('/posts');
}
export const deletePost = async (id: string) => { await db.post.delete({ where: { id } }); };
export default async function publish(id: string) { await db.post.update({ where: { id }, data: {} }); }
`;
    expect(summary(detect(code, '/repo/app/posts/actions.ts'), code)).toEqual([
      {
        kind: 'server-action',
        label: 'createPost',
        methods: undefined,
        path: undefined,
        line: 'async function createPost(formData: FormData) {',
      },
      {
        kind: 'server-action',
        label: 'deletePost',
        methods: undefined,
        path: undefined,
        line: 'async (id: string) => { await db.post.delete({ where: { id } }); }',
      },
      {
        kind: 'server-action',
        label: 'publish',
        methods: undefined,
        path: undefined,
        line: 'async function publish(id: string) { await db.post.update({ where: { id }, data: {} }); }',
      },
    ]);
  });

  it('follows wrapped exports such as next-safe-action clients', () => {
    const code = `"use server";
import { actionClient } from '@/lib/safe-action';
import { z } from 'zod';
export const updateName = actionClient.schema(z.object({ name: z.string() })).action(async ({ parsedInput }) => {
  return { name: parsedInput.name };
});
`;
    expect(summary(detect(code, '/repo/src/actions/user.ts'), code)).toEqual([
      { kind: 'server-action', label: 'updateName', methods: undefined, path: undefined, line: 'async ({ parsedInput }) => {' },
    ]);
  });

  it('finds inline server actions inside a server component', () => {
    const code = `import { db } from '@/lib/db';
export default function Page() {
  async function save(formData: FormData) {
    'use server';
    await db.note.create({ data: { text: String(formData.get('text')) } });
  }
  const remove = async () => {
    "use server";
    await db.note.deleteMany();
  };
  return (
    <form action={save}>
      <button formAction={remove}>x</button>
      <button formAction={async () => { 'use server'; await db.note.deleteMany(); }}>clear</button>
    </form>
  );
}
`;
    expect(summary(detect(code, '/repo/app/notes/page.tsx'), code)).toEqual([
      { kind: 'server-action', label: 'save', methods: undefined, path: undefined, line: 'async function save(formData: FormData) {' },
      { kind: 'server-action', label: 'remove', methods: undefined, path: undefined, line: 'async () => {' },
      {
        kind: 'server-action',
        label: 'server action at line 14',
        methods: undefined,
        path: undefined,
        line: "async () => { 'use server'; await db.note.deleteMany(); }",
      },
    ]);
  });

  it('does not take a use-server string that is not a directive, nor client modules', () => {
    const notDirective = `export async function run() { const mode = 'x'; log('use server'); }\n`;
    expect(detect(notDirective, '/repo/app/lib/run.ts')).toEqual([]);
    const client = `'use client';\nexport async function submit() { await fetch('/api'); }\nexport default function Form() { return <form />; }\n`;
    expect(detect(client, '/repo/app/form.tsx')).toEqual([]);
  });

  it('skips non-async exports of a use-server module', () => {
    const code = `'use server';\nexport function format(x: string) { return x.trim(); }\nexport const LIMIT = 10;\n`;
    expect(detect(code, '/repo/app/actions.ts')).toEqual([]);
  });
});

describe('inlineServerActions pre-filters', () => {
  const code = `export function Form() {\n  const label = 'use server';\n  async function send() { /* posts the form */ 'use server'; await save(); }\n  return label;\n}\n`;
  const { ast } = parseForESLint(code, { range: true, loc: true, sourceType: 'module', ecmaVersion: 'latest', tokens: true });

  it('finds the action from tokens, from text alone, and from the tree alone', () => {
    const withoutTokens = { ...ast, tokens: undefined };
    expect(inlineServerActions(ast, code).map((handler) => handler.label)).toEqual(['send']);
    expect(inlineServerActions(withoutTokens, code).map((handler) => handler.label)).toEqual(['send']);
    expect(inlineServerActions(withoutTokens, undefined).map((handler) => handler.label)).toEqual(['send']);
  });
});

describe('detectNextjs: middleware', () => {
  // Real folders: whether a middleware file is Next's depends on its project root's files.
  const nextApp = mkdtempSync(join(tmpdir(), 'fleet-next-'));
  writeFileSync(join(nextApp, 'next.config.mjs'), 'export default {};\n');
  const packageOnly = mkdtempSync(join(tmpdir(), 'fleet-pkg-'));
  writeFileSync(join(packageOnly, 'package.json'), '{}\n');
  afterAll(() => {
    rmSync(nextApp, { recursive: true, force: true });
    rmSync(packageOnly, { recursive: true, force: true });
  });

  it('finds the middleware export of a root middleware file, not its config', () => {
    const code = `import { NextResponse, type NextRequest } from 'next/server';
export function middleware(request: NextRequest) { return NextResponse.next(); }
export const config = { matcher: ['/dashboard/:path*'] };
`;
    expect(summary(detect(code, join(packageOnly, 'middleware.ts')), code)).toEqual([
      {
        kind: 'middleware',
        label: 'middleware',
        methods: undefined,
        path: undefined,
        line: 'function middleware(request: NextRequest) { return NextResponse.next(); }',
      },
    ]);
  });

  it('finds a wrapped default-exported proxy in src/ of a project with next.config', () => {
    const code = `import { auth } from '@/auth';
export default auth(async (req) => { if (!req.auth) return Response.redirect('/login'); });
`;
    expect(summary(detect(code, join(nextApp, 'src', 'proxy.ts')), code)).toEqual([
      {
        kind: 'middleware',
        label: 'middleware',
        methods: undefined,
        path: undefined,
        line: "async (req) => { if (!req.auth) return Response.redirect('/login'); }",
      },
    ]);
  });

  it('finds a Clerk middleware in a package root', () => {
    const code = `import { clerkMiddleware } from '@clerk/nextjs/server';
export default clerkMiddleware(async (auth, req) => { await auth.protect(); });
`;
    expect(summary(detect(code, join(packageOnly, 'src', 'middleware.ts')), code)).toEqual([
      {
        kind: 'middleware',
        label: 'middleware',
        methods: undefined,
        path: undefined,
        line: 'async (auth, req) => { await auth.protect(); }',
      },
    ]);
  });

  it('ignores an Express middleware.ts at a package root and Next-importing files outside a root', () => {
    const express = `export default function middleware(req, res, next) { next(); }\n`;
    expect(detect(express, join(packageOnly, 'middleware.ts'))).toEqual([]);
    const next = `import { NextResponse } from 'next/server';\nexport function middleware() { return NextResponse.next(); }\n`;
    expect(detect(next, join(packageOnly, 'src', 'lib', 'middleware.ts'))).toEqual([]);
  });
});

describe('Next.js through getHandlerModel', () => {
  it('keeps the certain Next.js route for a pages/api handler with request-shaped parameters', () => {
    const text = `export default async function handler(req, res) {\n  res.status(200).json({ ok: true });\n}\n`;
    const filename = `${process.cwd()}/pages/api/health.js`;
    const { ast, scopeManager } = parse(text, filename);
    const model = getHandlerModel({ ast, scopeManager, filename, settings: readFleetSettings(undefined), text });
    expect(
      model.handlers.map((handler) => ({ framework: handler.framework, label: handler.label, confidence: handler.confidence })),
    ).toEqual([{ framework: 'nextjs', label: '* /api/health', confidence: 'certain' }]);
  });

  it('finds server actions in a use-server module parsed the way ESLint does', () => {
    const text = `'use server';\nasync function helper() {}\nexport async function save(data: FormData) {\n  await helper();\n}\n`;
    const filename = `${process.cwd()}/src/app/settings/actions.ts`;
    const { ast, scopeManager } = parse(text, filename);
    const model = getHandlerModel({ ast, scopeManager, filename, settings: readFleetSettings(undefined), text });
    expect(model.handlers.map((handler) => `${handler.kind} ${handler.label}`)).toEqual(['server-action save']);
  });

  it('takes a helper typed (NextRequest, NextFetchEvent) in another file for middleware, not a (NextRequest) helper', () => {
    const text = `import { NextFetchEvent, NextRequest, NextResponse } from 'next/server';
export default async function LinkMiddleware(req: NextRequest, ev: NextFetchEvent) {
  ev.waitUntil(record(req));
  return NextResponse.next();
}
export function parse(req: NextRequest) { return req.nextUrl; }
`;
    const filename = '/repo/lib/middleware/link.ts';
    const { ast, scopeManager } = parse(text, filename);
    const model = getHandlerModel({ ast, scopeManager, filename, settings: readFleetSettings(undefined), text });
    expect(model.handlers.map((handler) => `${handler.framework} ${handler.kind} ${handler.label}`)).toEqual([
      'nextjs middleware middleware LinkMiddleware',
    ]);
  });
});
