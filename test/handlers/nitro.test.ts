import { describe, expect, it } from 'vitest';
import { classifyNitroFile } from '../../src/frameworks/nitro/file.js';
import { handlersIn } from './parse.js';

describe('nitro files', () => {
  it('classifies api routes, routes and middleware from the path', () => {
    expect(classifyNitroFile('apps/shop/server/api/users/[id].get.ts')).toEqual({ kind: 'route', path: '/api/users/[id]', method: 'GET' });
    expect(classifyNitroFile('server/api/orders/index.post.ts')).toEqual({ kind: 'route', path: '/api/orders', method: 'POST' });
    expect(classifyNitroFile('server/routes/feed.xml.ts')).toEqual({ kind: 'route', path: '/feed.xml', method: '*' });
    expect(classifyNitroFile('server/routes/files/[...path].ts')).toEqual({ kind: 'route', path: '/files/[...path]', method: '*' });
    expect(classifyNitroFile('server/middleware/auth.ts')).toEqual({ kind: 'middleware' });
    expect(classifyNitroFile('server/utils/db.ts')).toEqual({ kind: 'other' });
    expect(classifyNitroFile('server/api/users.test.ts')).toEqual({ kind: 'other' });
  });
});

describe('nitro detector', () => {
  it('takes the defineEventHandler default export of a route file, with its method and path', () => {
    expect(
      handlersIn(
        `export default defineEventHandler(async (event) => {\n  const id = getRouterParam(event, 'id');\n  return { id };\n});\n`,
        'server/api/users/[id].get.ts',
      ),
    ).toEqual([{ framework: 'nitro', kind: 'route', confidence: 'certain', label: 'GET /api/users/[id]', complete: true, line: 1 }]);
  });

  it('reads the object form, middleware files, and skips files without a definer', () => {
    expect(
      handlersIn(
        `import { eventHandler } from 'h3';\nexport default eventHandler({\n  onRequest: [(event) => log(event)],\n  handler: async (event) => readBody(event),\n});\n`,
        'server/routes/hooks.post.ts',
      ),
    ).toEqual([
      { framework: 'nitro', kind: 'middleware', confidence: 'certain', label: 'middleware hooks.post.ts:3', complete: undefined, line: 3 },
      { framework: 'nitro', kind: 'route', confidence: 'certain', label: 'POST /hooks', complete: true, line: 4 },
    ]);
    expect(
      handlersIn(`export default defineEventHandler((event) => { event.context.start = Date.now(); });\n`, 'server/middleware/timing.ts'),
    ).toEqual([
      { framework: 'nitro', kind: 'middleware', confidence: 'certain', label: 'middleware timing', complete: undefined, line: 1 },
    ]);
    expect(handlersIn(`export default function helper(event) { return event; }\n`, 'server/api/helper.ts')).toEqual([]);
  });
});
