import { matchPath } from './match-path.js';
import { methodFit } from './methods.js';
import { parsePattern } from './parse-pattern.js';
import { patternCovers } from './pattern-relations.js';
import { forEachCandidate } from './prefix-index.js';
import { patternRank } from './specificity.js';
import { splitRequestPath } from './split-request-path.js';
import type { Declaration, Manifest, Pattern } from './types.js';

/**
 * The declaration that decides the role of a concrete request, or `undefined` when none matches.
 * The most specific matching declaration wins: no trailing `{*name}` beats one with, more literal
 * segments beat fewer, an exact method beats a `GET` declaration answering `HEAD`, which beats `*`.
 * A loaded manifest has no ties (they are load errors), so the winner is unique.
 * `path` is the request path (`req.path` or the URL path); a query string and one trailing
 * slash are ignored.
 */
export function classify(manifest: Manifest, method: string, path: string): Declaration | undefined {
  return classifySegments(manifest, method.toUpperCase(), splitRequestPath(path));
}

/** `classify` for a path already split into segments and an upper-case method. */
export function classifySegments(manifest: Manifest, method: string, parts: readonly string[]): Declaration | undefined {
  return best(manifest, method, parts, (d) => matchPath(d.pattern, parts));
}

/**
 * The declaration that classifies a whole route pattern (lint time, `/users/{id}`), or `undefined`.
 * A declaration applies only when it covers every path the route answers: a route's `{id}` is
 * covered by a declaration's `{x}` or `{*x}`, never by a literal (`/users/me` does not classify
 * `/users/{id}`); a route's `{*path}` only by a declaration's `{*x}`. A route method `*` (e.g.
 * `app.all`) is covered only by `*` declarations. Throws `TypeError` when `routePattern` is not a
 * valid pattern (normalise it with `normalizePath` first).
 */
export function classifyPattern(manifest: Manifest, method: string, routePattern: string): Declaration | undefined {
  const parsed = parsePattern(routePattern);
  if (!parsed.ok) throw new TypeError(`classifyPattern: invalid route pattern \`${routePattern}\`: ${parsed.reason}.`);
  return classifyParsedPattern(manifest, method, parsed.pattern);
}

/** `classifyPattern` for an already parsed route pattern. */
export function classifyParsedPattern(manifest: Manifest, method: string, route: Pattern): Declaration | undefined {
  return best(manifest, method.toUpperCase(), literalPrefix(route), (d) => patternCovers(d.pattern, route));
}

function best(manifest: Manifest, method: string, keys: readonly string[], matches: (d: Declaration) => boolean): Declaration | undefined {
  let winner: Declaration | undefined;
  let winnerRank = -1;
  forEachCandidate(manifest.prefixIndex, keys, (declaration) => {
    const fit = methodFit(declaration.method, method);
    if (fit < 0) return;
    const rank = patternRank(declaration.pattern) | fit;
    // Equal ranks cannot both match in a loaded manifest (ties are load errors); keep file order.
    if (rank > winnerRank || (rank === winnerRank && winner !== undefined && declaration.index < winner.index)) {
      if (!matches(declaration)) return;
      winner = declaration;
      winnerRank = rank;
    }
  });
  return winner;
}

/** The leading literal segments of a route pattern: the only keys a declaration's literal prefix can follow. */
function literalPrefix(route: Pattern): string[] {
  const keys: string[] = [];
  for (const segment of route.segments) {
    if (segment.kind !== 'literal') break;
    keys.push(segment.value);
  }
  return keys;
}
