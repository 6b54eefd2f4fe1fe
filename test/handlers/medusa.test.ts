import { describe, expect, it } from 'vitest';
import { medusaRoutePath } from '../../src/frameworks/medusa/detector.js';
import { handlersIn } from './parse.js';

describe('medusa detector', () => {
  it('reads the path of a route file from its folder below src/api', () => {
    expect(medusaRoutePath('src/api/store/custom/[id]/route.ts')).toBe('/store/custom/[id]');
    expect(medusaRoutePath('apps/backend/src/api/admin/route.ts')).toBe('/admin');
    expect(medusaRoutePath('src/api/middlewares.ts')).toBeUndefined();
    expect(medusaRoutePath('src/app/api/x/route.ts')).toBeUndefined();
  });

  it('takes the method exports of a route file', () => {
    expect(
      handlersIn(
        `import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
export const GET = async (req: MedusaRequest, res: MedusaResponse) => { res.json({ id: req.params.id }); };
export async function POST(req: MedusaRequest, res: MedusaResponse) { res.status(201).json({}); }
export const AUTHENTICATE = false;
`,
        'src/api/store/wishlists/[id]/route.ts',
      ),
    ).toEqual([
      { framework: 'medusa', kind: 'route', confidence: 'certain', label: 'GET /store/wishlists/[id]', complete: true, line: 2 },
      { framework: 'medusa', kind: 'route', confidence: 'certain', label: 'POST /store/wishlists/[id]', complete: true, line: 3 },
    ]);
  });
});
