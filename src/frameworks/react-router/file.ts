/**
 * The URL path of a React Router 7 / Remix route module under `app/routes/`, from the flat-routes
 * file naming (`@react-router/fs-routes`, Remix v2): `users.$id.tsx` or `users.$id/route.tsx`.
 */

const SCRIPT = /^(.+)\.(?:tsx|ts|jsx|js)$/;

/**
 * The path of `filename` in Express syntax (`/users/:id`, `/files/*`, `/:lang?/about`), `null`
 * when the file is not a route module (not directly under the last `app/routes`, or a non-route
 * file of a route folder), `undefined` when it is one whose path Express syntax cannot write
 * (an optional static segment `(en)`). `_index` is the parent's index, a `_` prefix is a pathless
 * layout, a `_` suffix only leaves its parent's layout, `$` is a splat, `[.]` escapes.
 */
export function routeModulePath(filename: string): string | undefined | null {
  const segments = filename.split(/[\\/]+/).filter((segment) => segment !== '');
  let routes = -1;
  for (let i = segments.length - 2; i > 0; i--) {
    if (segments[i] === 'routes' && segments[i - 1] === 'app') {
      routes = i;
      break;
    }
  }
  if (routes === -1) return null;
  const below = segments.slice(routes + 1);
  const stem = SCRIPT.exec(below.at(-1) ?? '')?.[1];
  if (stem === undefined || /\.(?:test|spec)$/.test(stem) || stem.endsWith('.d')) return null;
  const name = below.length === 1 ? stem : below.length === 2 && stem === 'route' ? below[0]! : undefined;
  if (name === undefined) return null;
  const parts: string[] = [];
  for (const raw of name.match(/(?:\[[^\]]*\]|[^.])+/g) ?? []) {
    const part = raw.endsWith('_') && raw !== '_' ? raw.slice(0, -1) : raw;
    if (part === '_index' || part.startsWith('_') || part === 'route') continue;
    const optional = /^\((.+)\)$/.exec(part);
    if (optional && !optional[1]!.startsWith('$')) return undefined;
    const inner = optional ? optional[1]! : part;
    const written = inner === '$' ? '*' : inner.startsWith('$') ? `:${inner.slice(1)}` : inner.replaceAll(/\[([^\]]*)\]/g, '$1');
    parts.push(optional ? `${written}?` : written);
  }
  return `/${parts.join('/')}`;
}
