/**
 * Whether a NestJS route is excluded from the global prefix. Nest tests each `exclude` path, a
 * path-to-regexp pattern, against the route's path as declared (`users/:id`), and the entry's
 * method against the route's.
 */
import type { NestExclude } from './app-calls.js';

const SPECIAL = /[.+?^$|[\]\\]/g;

/** A `RegExp` for an exclude path, or `undefined` when it holds a custom regex Fleet does not evaluate. */
function excludePattern(path: string): RegExp | undefined {
  let source = '';
  const bare = path.replace(/^\/+|\/+$/g, '');
  for (let i = 0; i < bare.length; i++) {
    const rest = bare.slice(i);
    const wildcard = /^(?:\(\.\*\)|\{\/?\*\w*\}|\*\w*)/.exec(rest);
    const param = /^:\w+/.exec(rest);
    if (wildcard) {
      source += '.*';
      i += wildcard[0].length - 1;
    } else if (param) {
      source += '[^/]+';
      i += param[0].length - 1;
    } else if (rest.startsWith('(') || rest.startsWith('{')) {
      return undefined;
    } else {
      source += rest[0]!.replace(SPECIAL, '\\$&');
    }
  }
  // `auth/*` also excludes `auth` itself.
  return new RegExp(`^${source.replace(/\/\.\*$/, '(?:/.*)?')}$`);
}

/** `true`/`false`, or why it cannot be known (an exclude path with a custom regex). */
export function isExcluded(exclude: readonly NestExclude[], routePath: string, methods: readonly string[]): boolean | { reason: string } {
  const bare = routePath.replace(/^\/+|\/+$/g, '');
  for (const entry of exclude) {
    const allMethods = methods.includes('*');
    if (entry.method !== null && !allMethods && !methods.includes(entry.method)) continue;
    const pattern = excludePattern(entry.path);
    if (pattern === undefined)
      return { reason: `the global prefix's \`exclude\` entry \`${entry.path}\` is a regular expression Fleet does not evaluate` };
    if (!pattern.test(bare)) continue;
    // An all-methods route excluded for one method has two full paths, one per method.
    if (entry.method !== null && allMethods)
      return { reason: `the global prefix's \`exclude\` entry \`${entry.path}\` excludes only ${entry.method} of an all-methods route` };
    return true;
  }
  return false;
}
