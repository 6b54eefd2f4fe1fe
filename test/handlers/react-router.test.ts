import { describe, expect, it } from 'vitest';
import { routeModulePath } from '../../src/frameworks/react-router/file.js';
import { handlersIn } from './parse.js';

describe('react router route module paths', () => {
  it('reads flat-routes names', () => {
    expect(routeModulePath('app/routes/_index.tsx')).toBe('/');
    expect(routeModulePath('app/routes/users.$id.tsx')).toBe('/users/:id');
    expect(routeModulePath('app/routes/users.$id_.edit.tsx')).toBe('/users/:id/edit');
    expect(routeModulePath('app/routes/_auth.login.tsx')).toBe('/login');
    expect(routeModulePath('app/routes/files.$.tsx')).toBe('/files/*');
    expect(routeModulePath('app/routes/($lang).about.tsx')).toBe('/:lang?/about');
    expect(routeModulePath('app/routes/sitemap[.]xml.ts')).toBe('/sitemap.xml');
    expect(routeModulePath('apps/web/app/routes/api.orders/route.ts')).toBe('/api/orders');
    expect(routeModulePath('app/routes/(en).about.tsx')).toBeUndefined();
    expect(routeModulePath('app/routes/api.orders/helpers.ts')).toBeNull();
    expect(routeModulePath('src/routes/users.tsx')).toBeNull();
  });
});

describe('react router detector', () => {
  it('takes loader and action exports of a route module, not client ones or components', () => {
    expect(
      handlersIn(
        `import type { Route } from './+types/users.$id';
export async function loader({ params }: Route.LoaderArgs) { return getUser(params.id); }
export const action = async ({ request }: Route.ActionArgs) => updateUser(await request.formData());
export async function clientLoader() { return null; }
export default function User() { return null; }
`,
        'app/routes/users.$id.tsx',
      ),
    ).toEqual([
      { framework: 'react-router', kind: 'route', confidence: 'certain', label: 'loader /users/:id', complete: true, line: 2 },
      { framework: 'react-router', kind: 'route', confidence: 'certain', label: 'action /users/:id', complete: true, line: 3 },
    ]);
  });

  it('is heuristic without a React Router or Remix import', () => {
    expect(handlersIn(`export async function action({ request }) { return null; }\n`, 'app/routes/logout.ts')).toEqual([
      { framework: 'react-router', kind: 'route', confidence: 'heuristic', label: 'action /logout', complete: true, line: 1 },
    ]);
  });
});
