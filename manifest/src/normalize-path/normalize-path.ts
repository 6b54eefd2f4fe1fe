import { expandOptionalGroups, MAX_VARIANTS } from './expand-optional-groups.js';
import { finish, type NormalizeResult } from './finish-patterns.js';
import { normalizeNextPath } from './normalize-next-path.js';
import { regexMayMatchSlash } from './regex-may-match-slash.js';
import { tokenizeRoutePath, type RouteSyntax, type RouteToken } from './tokenize-route-path.js';

/** Routers whose path syntax `normalizePath` understands. */
export type Framework = 'express' | 'koa' | 'fastify' | 'hono' | 'nestjs' | 'next';

export type { NormalizeResult };

const SYNTAX: Readonly<Record<Exclude<Framework, 'next'>, RouteSyntax>> = {
  express: { regexOpen: '(', doubleColonEscape: false, namedWildcards: true },
  koa: { regexOpen: '(', doubleColonEscape: false, namedWildcards: true },
  nestjs: { regexOpen: '(', doubleColonEscape: false, namedWildcards: true },
  fastify: { regexOpen: '(', doubleColonEscape: true, namedWildcards: false },
  hono: { regexOpen: '{', doubleColonEscape: false, namedWildcards: false },
};

// One segment's alternatives: a pattern segment, or `null` for "absent" (an optional part).
type Alternative = string | null;

/**
 * Converts a router path to Fleet's pattern form: `:id`, `[id]` → `{id}`; `*`, `*name`, `(.*)`,
 * `:p+`, `[...slug]` → `{*name}` (last segment only); optional parts (`:id?`, `:p*`, `{/:id}`,
 * `[[...slug]]`) → one path without and one with them; a parameter with a regex stays `{id}`
 * unless the regex can match `/`; a segment of parameters and separators (`:file.:ext`) becomes one
 * `{file}`, one mixing literal words with a parameter or wildcard (`:platform-repo`, `cover*`) is
 * refused; a bare `*` is `/` and `/{*rest}`; Next.js `(group)` and `@slot` folders are dropped. A missing leading `/` is added and
 * a trailing `/` dropped. A `RegExp` route, a wildcard before the last segment or a Next.js
 * intercepting route is `{ ok: false }` with the reason.
 */
export function normalizePath(frameworkPath: string | RegExp, framework: Framework): NormalizeResult {
  if (typeof frameworkPath !== 'string') {
    return { ok: false, reason: `\`${String(frameworkPath)}\` is a regular-expression route; declare its paths by hand in the manifest` };
  }
  if (framework === 'next') return normalizeNextPath(frameworkPath);
  // A bare `*` answers every path, the root included, which `{*rest}` alone (one or more segments) does not.
  if (frameworkPath === '*' || frameworkPath === '/*') return finish(['/', '/{*rest}'], frameworkPath);
  const variants = framework === 'hono' || framework === 'fastify' ? [frameworkPath] : expandOptionalGroups(frameworkPath);
  if (!variants) return { ok: false, reason: `\`${frameworkPath}\` has unbalanced or too many optional \`{…}\` groups` };
  const paths: string[] = [];
  for (const variant of variants) {
    const tokens = tokenizeRoutePath(variant.startsWith('/') ? variant.slice(1) : variant, SYNTAX[framework]);
    if (!tokens) return { ok: false, reason: `\`${frameworkPath}\` has a parameter regex that is never closed` };
    const segments = tokens.filter((segment) => segment.length > 0);
    const names = new Set<string>();
    const alternatives: Alternative[][] = [];
    for (const [index, segment] of segments.entries()) {
      const converted = convertSegment(segment, index === segments.length - 1, names);
      if (typeof converted === 'string') return { ok: false, reason: `\`${frameworkPath}\`: ${converted}` };
      alternatives.push(converted);
    }
    const expanded = combine(alternatives, frameworkPath);
    if (typeof expanded === 'string') return { ok: false, reason: expanded };
    paths.push(...expanded);
  }
  return finish(paths, frameworkPath);
}

function convertSegment(tokens: readonly RouteToken[], isLast: boolean, names: Set<string>): Alternative[] | string {
  const only = tokens.length === 1 ? tokens[0]! : undefined;
  if (only?.kind === 'text') return [only.value];
  const text = tokens.map((t) => (t.kind === 'text' ? t.value : '')).join('');
  // `:file.:ext` and `:lat-:lng` are one parameter segment; `:platform-repo` or `cover*` require text a pattern cannot state.
  if (/[^.\-_~]/.test(text))
    return `the segment \`${segmentText(tokens)}\` mixes literal text with a parameter or wildcard, which a pattern cannot express; declare the route by hand`;
  const spans = tokens.some(
    (t) =>
      t.kind === 'wildcard' ||
      (t.kind === 'param' && (t.modifier === '*' || t.modifier === '+' || (t.regex !== undefined && regexMayMatchSlash(t.regex)))),
  );
  const first = tokens.find((t) => t.kind !== 'text');
  const name = unique(first?.name === undefined ? (spans ? 'rest' : 'param') : first.name, names);
  if (spans) {
    if (!isLast) return 'a wildcard before the last segment cannot be expressed; declare the route by hand';
    const rest = `{*${name}}`;
    const optional = only?.kind === 'param' && (only.modifier === '*' || only.modifier === '?');
    return optional ? [null, rest] : [rest];
  }
  const optional = only?.kind === 'param' && only.modifier === '?';
  return optional ? [null, `{${name}}`] : [`{${name}}`];
}

function segmentText(tokens: readonly RouteToken[]): string {
  return tokens
    .map((t) =>
      t.kind === 'text'
        ? t.value
        : t.kind === 'wildcard'
          ? `*${t.name ?? ''}`
          : `:${t.name ?? ''}${t.regex === undefined ? '' : `(${t.regex})`}${t.modifier}`,
    )
    .join('');
}

function unique(name: string, names: Set<string>): string {
  let candidate = name;
  for (let n = 2; names.has(candidate); n++) candidate = `${name}${n}`;
  names.add(candidate);
  return candidate;
}

function combine(alternatives: readonly Alternative[][], original: string): string[] | string {
  let paths: string[][] = [[]];
  for (const options of alternatives) {
    paths = paths.flatMap((prefix) => options.map((option) => (option === null ? prefix : [...prefix, option])));
    if (paths.length > MAX_VARIANTS) return `\`${original}\` has too many optional parts; declare it by hand`;
  }
  return paths.map((segments) => `/${segments.join('/')}`);
}
