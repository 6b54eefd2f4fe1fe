import { finish, type NormalizeResult } from './finish-patterns.js';

/**
 * Next.js (app and pages routers): the URL path of a route folder, e.g. `/(shop)/items/[id]`.
 * `[id]` → `{id}`, `[...slug]` → `{*slug}`, `[[...slug]]` → the parent path and `{*slug}` (an
 * optional catch-all also answers its parent), `(group)` and `@slot` dropped. Intercepting
 * routes (`(.)x`, `(..)x`) render another route's URL, so they are reported, not guessed.
 */
export function normalizeNextPath(path: string): NormalizeResult {
  const parts = path.split('/').filter((part) => part !== '');
  const kept: string[] = [];
  let optionalTail: string | undefined;
  for (const [index, part] of parts.entries()) {
    if (/^\(\.{1,3}\)/.test(part) || part.startsWith('(..)')) {
      return { ok: false, reason: `\`${path}\` is an intercepting route (\`${part}\`); classify the route it intercepts` };
    }
    if ((part.startsWith('(') && part.endsWith(')')) || part.startsWith('@')) continue;
    const isLast = index === parts.length - 1;
    const optional = /^\[\[\.\.\.(\w+)\]\]$/.exec(part);
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(part);
    const dynamic = /^\[(\w+)\]$/.exec(part);
    if ((optional || catchAll) && !isLast) {
      return { ok: false, reason: `\`${path}\`: a catch-all \`${part}\` must be the last segment` };
    }
    if (optional) optionalTail = `{*${optional[1]!}}`;
    else if (catchAll) kept.push(`{*${catchAll[1]!}}`);
    else if (dynamic) kept.push(`{${dynamic[1]!}}`);
    else if (/[[\]]/.test(part)) return { ok: false, reason: `\`${path}\`: \`${part}\` is not a Next.js dynamic segment` };
    else kept.push(part);
  }
  const base = `/${kept.join('/')}`;
  const paths = optionalTail === undefined ? [base] : [base, `${base === '/' ? '' : base}/${optionalTail}`];
  return finish(paths, path);
}
