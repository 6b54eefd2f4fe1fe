/**
 * What a file is to Next.js, from its path alone: an App Router route handler, a Pages Router
 * API route, a root middleware/proxy file, or nothing special.
 */
import { dirname } from 'node:path';

/** The role of a file in a Next.js app. Paths use Next's folder syntax as written (`[id]`, `[...slug]`). */
export type NextFile =
  | { readonly kind: 'app-route'; readonly path: string }
  | { readonly kind: 'pages-api'; readonly path: string }
  /** `root`: the folder that must be the Next.js project for the file to be its middleware. */
  | { readonly kind: 'middleware'; readonly root: string }
  | { readonly kind: 'other' };

const SCRIPT = /^(.+)\.(?:ts|js|mts|mjs|tsx|jsx)$/;
const OTHER: NextFile = { kind: 'other' };

/**
 * Classifies `filename` (absolute or relative, `/` or `\` separators). `app/**\/route.*` (the
 * last `app` folder on the path, so `src/app` and monorepo packages work) is a route unless a
 * private `_folder` is on the way; route groups `(group)` and parallel `@slot` folders are not
 * part of the URL. `pages/api/**` files are API routes (`index` names the folder); test files
 * (`*.test.*`, `*.spec.*`, `__tests__/`) and declaration files are not. `middleware.*` /
 * `proxy.*` files outside `app/` and `pages/` are middleware candidates whose `root` (their
 * folder, or its parent for `src/`) still has to be shown to be a Next.js project.
 */
export function classifyNextFile(filename: string): NextFile {
  const segments = filename.split(/[\\/]+/).filter((segment) => segment !== '');
  const base = segments.at(-1);
  const stem = base === undefined ? undefined : SCRIPT.exec(base)?.[1];
  if (stem === undefined || stem.endsWith('.d') || /\.(?:test|spec)$/.test(stem)) return OTHER;
  const folders = segments.slice(0, -1);
  if (folders.includes('__tests__') || folders.includes('node_modules')) return OTHER;

  if (stem === 'route') {
    const app = folders.lastIndexOf('app');
    if (app === -1) return OTHER;
    const routeFolders = folders.slice(app + 1);
    if (routeFolders.some((folder) => folder.startsWith('_'))) return OTHER;
    return { kind: 'app-route', path: urlPath(routeFolders.filter(isUrlSegment)) };
  }

  const pages = lastIndexOfPair(folders, 'pages', 'api');
  if (pages !== -1) {
    const routeSegments = [...folders.slice(pages + 1), ...(stem === 'index' ? [] : [stem])];
    return { kind: 'pages-api', path: urlPath(routeSegments) };
  }

  if ((stem === 'middleware' || stem === 'proxy') && !folders.includes('app') && !folders.includes('pages')) {
    const folder = dirname(filename);
    return { kind: 'middleware', root: folders.at(-1) === 'src' ? dirname(folder) : folder };
  }
  return OTHER;
}

function isUrlSegment(folder: string): boolean {
  return !(folder.startsWith('(') && folder.endsWith(')')) && !folder.startsWith('@');
}

function urlPath(segments: readonly string[]): string {
  return `/${segments.join('/')}`;
}

function lastIndexOfPair(folders: readonly string[], first: string, second: string): number {
  for (let i = folders.length - 2; i >= 0; i--) {
    if (folders[i] === first && folders[i + 1] === second) return i;
  }
  return -1;
}
