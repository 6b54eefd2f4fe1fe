import { describe, expect, it } from 'vitest';
import { mayRoute } from '../../src/routes/project-routes.js';
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
    expect(mayRoute('/p/src/users.ts', "import { Hono } from 'hono';\n", defaults)).toBe(true);
    expect(mayRoute('/p/src/users.js', "module.exports = (api) => { api.post('/x', h); };\n", defaults)).toBe(true);
    expect(mayRoute('/p/src/actions.ts', "'use server';\nexport async function save() {}\n", defaults)).toBe(true);
  });

  it('skips a module that only exports values, unless settings declare handlers', () => {
    const util = 'export function add(a: number, b: number) {\n  return a + b;\n}\n';
    expect(mayRoute('/p/src/lib/math.ts', util, defaults)).toBe(false);
    expect(mayRoute('/p/app/api/users/helpers.ts', ROUTE_EXPORT, defaults)).toBe(false);
    const declared = readFleetSettings({ handlers: [{ callee: 'defineEndpoint' }] });
    expect(mayRoute('/p/src/lib/math.ts', util, declared)).toBe(true);
  });
});
