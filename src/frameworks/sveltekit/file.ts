/**
 * What a file is to SvelteKit, from its path alone: a `+server` endpoint, a `+page.server`
 * module (form actions), the server hooks file, or nothing special.
 */

/** The role of a file in a SvelteKit app. Paths use Next.js' bracket syntax, which `normalizePath` reads. */
export type SvelteKitFile =
  { readonly kind: 'endpoint' | 'page-server'; readonly path: string } | { readonly kind: 'hooks' } | { readonly kind: 'other' };

const OTHER: SvelteKitFile = { kind: 'other' };
const SCRIPT = /^(.+)\.(?:ts|js|mts|mjs)$/;

/**
 * Classifies `filename`: `src/routes/**\/+server.*` is an endpoint and `+page.server.*` a page's
 * server module, at the URL of their folder below the last `src/routes` (route groups `(group)`
 * dropped, a matcher `[id=integer]` read as `[id]`); `src/hooks.server.*` holds the `handle` hook.
 */
export function classifySvelteKitFile(filename: string): SvelteKitFile {
  const segments = filename.split(/[\\/]+/).filter((segment) => segment !== '');
  const stem = SCRIPT.exec(segments.at(-1) ?? '')?.[1];
  if (stem === undefined) return OTHER;
  const folders = segments.slice(0, -1);
  if (stem === 'hooks.server' && folders.at(-1) === 'src') return { kind: 'hooks' };
  if (stem !== '+server' && stem !== '+page.server') return OTHER;
  let routes = -1;
  for (let i = folders.length - 2; i >= 0; i--) {
    if (folders[i] === 'src' && folders[i + 1] === 'routes') {
      routes = i + 1;
      break;
    }
  }
  if (routes === -1) return OTHER;
  const urlSegments = folders
    .slice(routes + 1)
    .filter((folder) => !(folder.startsWith('(') && folder.endsWith(')')))
    .map((folder) => folder.replace(/^\[([^\]=]+)=[^\]]+\]$/, '[$1]'));
  return { kind: stem === '+server' ? 'endpoint' : 'page-server', path: `/${urlSegments.join('/')}` };
}
