import { describe, expect, it } from 'vitest';
import { classifySvelteKitFile } from '../../src/frameworks/sveltekit/file.js';
import { handlersIn } from './parse.js';

describe('sveltekit files', () => {
  it('classifies endpoints, page server modules and the hooks file from the path', () => {
    expect(classifySvelteKitFile('apps/web/src/routes/api/posts/[id=integer]/+server.ts')).toEqual({
      kind: 'endpoint',
      path: '/api/posts/[id]',
    });
    expect(classifySvelteKitFile('src/routes/(auth)/login/+page.server.js')).toEqual({ kind: 'page-server', path: '/login' });
    expect(classifySvelteKitFile('src/routes/+server.ts')).toEqual({ kind: 'endpoint', path: '/' });
    expect(classifySvelteKitFile('src/hooks.server.ts')).toEqual({ kind: 'hooks' });
    expect(classifySvelteKitFile('src/routes/blog/+page.svelte')).toEqual({ kind: 'other' });
    expect(classifySvelteKitFile('lib/routes/api/+server.ts')).toEqual({ kind: 'other' });
  });
});

describe('sveltekit detector', () => {
  it('finds method exports and fallback of a +server endpoint', () => {
    expect(
      handlersIn(
        `import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
export async function GET({ params }) { return json({ id: params.id }); }
export const POST: RequestHandler = async ({ request }) => json(await request.json(), { status: 201 });
export const fallback: RequestHandler = () => new Response(null, { status: 405 });
export const prerender = false;
`,
        'src/routes/api/posts/[id]/+server.ts',
      ),
    ).toEqual([
      { framework: 'sveltekit', kind: 'route', confidence: 'certain', label: 'GET /api/posts/[id]', complete: true, line: 3 },
      { framework: 'sveltekit', kind: 'route', confidence: 'certain', label: 'POST /api/posts/[id]', complete: true, line: 4 },
      { framework: 'sveltekit', kind: 'route', confidence: 'certain', label: '* /api/posts/[id]', complete: true, line: 5 },
    ]);
  });

  it('finds form actions of +page.server (POST to the page) and the handle hook, not load', () => {
    expect(
      handlersIn(
        `import type { Actions, PageServerLoad } from './$types';
export const load: PageServerLoad = async ({ locals }) => ({ user: locals.user });
export const actions = {
  default: async ({ request }) => ({ ok: true }),
  logout: async ({ cookies }) => { cookies.delete('session', { path: '/' }); },
} satisfies Actions;
`,
        'src/routes/account/+page.server.ts',
      ),
    ).toEqual([
      { framework: 'sveltekit', kind: 'route', confidence: 'certain', label: 'POST /account', complete: true, line: 4 },
      { framework: 'sveltekit', kind: 'route', confidence: 'certain', label: 'POST /account', complete: true, line: 5 },
    ]);
    expect(handlersIn(`export const handle = async ({ event, resolve }) => resolve(event);\n`, 'src/hooks.server.ts')).toEqual([
      { framework: 'sveltekit', kind: 'middleware', confidence: 'certain', label: 'middleware handle', complete: undefined, line: 1 },
    ]);
  });
});
