/**
 * What a file is to Nitro (Nuxt's server engine), from its path alone: an API route
 * (`server/api/**`), a route (`server/routes/**`), server middleware (`server/middleware/*`),
 * or nothing special.
 */

/** The role of a file in a Nitro server. Paths use the bracket syntax Next.js uses too. */
export type NitroFile =
  { readonly kind: 'route'; readonly path: string; readonly method: string } | { readonly kind: 'middleware' } | { readonly kind: 'other' };

const OTHER: NitroFile = { kind: 'other' };
const SCRIPT = /^(.+)\.(?:ts|js|mts|mjs)$/;
const METHOD = /^(.+)\.(get|head|post|put|patch|delete|options|connect|trace)$/;

/**
 * Classifies `filename`: below the last `server` folder, `api/**` answers `/api/**` and
 * `routes/**` answers `/**`; a method suffix (`[id].get.ts`) restricts the method, `index` names
 * its folder; `middleware/*` runs for every request. Test and declaration files are not routes.
 */
export function classifyNitroFile(filename: string): NitroFile {
  const segments = filename.split(/[\\/]+/).filter((segment) => segment !== '');
  let stem = SCRIPT.exec(segments.at(-1) ?? '')?.[1];
  if (stem === undefined || stem.endsWith('.d') || /\.(?:test|spec)$/.test(stem)) return OTHER;
  const folders = segments.slice(0, -1);
  const server = folders.lastIndexOf('server');
  const area = server === -1 ? undefined : folders[server + 1];
  if (area === 'middleware' && folders.length === server + 2) return { kind: 'middleware' };
  if (area !== 'api' && area !== 'routes') return OTHER;
  const suffix = METHOD.exec(stem);
  if (suffix) stem = suffix[1]!;
  const names = [...folders.slice(server + 2), ...(stem === 'index' ? [] : [stem])];
  const prefix = area === 'api' ? ['api'] : [];
  return { kind: 'route', path: `/${[...prefix, ...names].join('/')}`, method: suffix ? suffix[2]!.toUpperCase() : '*' };
}
