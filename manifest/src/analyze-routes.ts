import { classifyParsedPattern, classifySegments } from './classify.js';
import { ANY_METHOD, methodFit } from './methods.js';
import { parsePattern } from './parse-pattern.js';
import { patternsOverlap } from './pattern-relations.js';
import type { Declaration, Manifest, Pattern, RouteRef } from './types.js';

/** What `fleet routes --check` reports; ties never appear here because they are load errors. */
export interface RouteAnalysis<R extends RouteRef> {
  /** Routes with the declaration that classifies them (see `classifyPattern`). */
  readonly classified: readonly { readonly route: R; readonly declaration: Declaration }[];
  /** Routes no declaration covers. */
  readonly unclassified: readonly R[];
  /** Routes whose path is not a valid pattern (normalise with `normalizePath` first). */
  readonly invalid: readonly { readonly route: R; readonly reason: string }[];
  /** Declarations that no route's requests can reach (drift: the route was renamed or removed). */
  readonly stale: readonly Declaration[];
  /** Ide-only declarations that never decide a route request: more specific fleet-ok declarations win every request they share with a route. */
  readonly shadowed: readonly { readonly declaration: Declaration; readonly by: readonly Declaration[] }[];
}

// A segment value no literal equals, standing for "any other value" in witness requests.
const OTHER = '\u0000';

/**
 * Checks a manifest against the route inventory. A declaration is stale when no route shares a
 * request with it (method-compatible and overlapping paths). An ide-only declaration is shadowed
 * when, for every route it shares requests with, a fleet-ok declaration wins each such request.
 * This is exact: for each shared path length the check classifies the most generic shared request
 * (other values only make more declarations match, never fewer, so the winner only gets stronger).
 */
export function analyzeRoutes<R extends RouteRef>(manifest: Manifest, routes: readonly R[]): RouteAnalysis<R> {
  const classified: { route: R; declaration: Declaration }[] = [];
  const unclassified: R[] = [];
  const invalid: { route: R; reason: string }[] = [];
  const parsed: { route: R; pattern: Pattern; method: string }[] = [];
  for (const route of routes) {
    const result = parsePattern(route.path);
    if (!result.ok) {
      invalid.push({ route, reason: result.reason });
      continue;
    }
    const method = route.method.toUpperCase();
    parsed.push({ route, pattern: result.pattern, method });
    const declaration = classifyParsedPattern(manifest, method, result.pattern);
    if (declaration) classified.push({ route, declaration });
    else unclassified.push(route);
  }
  const longest = Math.max(
    0,
    ...manifest.declarations.map((d) => d.pattern.segments.length),
    ...parsed.map((p) => p.pattern.segments.length),
  );
  const stale: Declaration[] = [];
  const shadowed: { declaration: Declaration; by: Declaration[] }[] = [];
  for (const declaration of manifest.declarations) {
    const shared = parsed.filter((p) => sharesMethod(declaration.method, p.method) && patternsOverlap(declaration.pattern, p.pattern));
    if (shared.length === 0) {
      stale.push(declaration);
      continue;
    }
    if (declaration.role !== 'ide-only') continue;
    const winners = new Set<Declaration>();
    for (const route of shared) {
      const method = declaration.method !== ANY_METHOD ? (route.method === 'HEAD' ? 'HEAD' : declaration.method) : route.method;
      for (const parts of witnesses(declaration.pattern, route.pattern, longest + 1)) {
        const winner = classifySegments(manifest, method, parts);
        if (winner) winners.add(winner);
      }
    }
    if (!winners.has(declaration) && [...winners].every((w) => w.role === 'fleet-ok')) {
      shadowed.push({ declaration, by: [...winners] });
    }
  }
  return { classified, unclassified, invalid, stale, shadowed };
}

function sharesMethod(declared: string, route: string): boolean {
  return route === ANY_METHOD || methodFit(declared, route) >= 0;
}

/** The most generic request paths both patterns match, one per feasible length up to `limit`. */
function witnesses(a: Pattern, b: Pattern, limit: number): string[][] {
  const fixedA = a.hasRest ? a.segments.length - 1 : a.segments.length;
  const fixedB = b.hasRest ? b.segments.length - 1 : b.segments.length;
  const low = Math.max(a.segments.length, b.segments.length);
  const high = !a.hasRest ? fixedA : !b.hasRest ? fixedB : Math.max(low, limit);
  const result: string[][] = [];
  for (let length = low; length <= high; length++) {
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      const x = i < fixedA ? a.segments[i] : undefined;
      const y = i < fixedB ? b.segments[i] : undefined;
      parts.push(x?.kind === 'literal' ? x.value : y?.kind === 'literal' ? y.value : OTHER);
    }
    result.push(parts);
  }
  return result;
}
