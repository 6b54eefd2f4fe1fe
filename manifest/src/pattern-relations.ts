import type { Pattern } from './types.js';

/**
 * Whether `outer` matches every concrete path `inner` matches, treating `inner` as a route pattern:
 * a literal covers only the same literal, `{x}` covers a literal or a `{y}`, `{*x}` covers one or
 * more trailing segments of any kind. A `{y}` or `{*y}` in `inner` is never covered by a literal,
 * because the route also answers other values.
 */
export function patternCovers(outer: Pattern, inner: Pattern): boolean {
  const o = outer.segments;
  const n = inner.segments;
  const fixed = outer.hasRest ? o.length - 1 : o.length;
  if (outer.hasRest ? n.length < o.length : n.length !== o.length || inner.hasRest) return false;
  for (let i = 0; i < fixed; i++) {
    const a = o[i]!;
    const b = n[i]!;
    if (b.kind === 'rest') return false;
    if (a.kind === 'literal' && (b.kind !== 'literal' || b.value !== a.value)) return false;
  }
  return true;
}

/** Whether some concrete path matches both patterns (literals that differ at the same position rule it out; so do incompatible lengths). */
export function patternsOverlap(a: Pattern, b: Pattern): boolean {
  const fixedA = a.hasRest ? a.segments.length - 1 : a.segments.length;
  const fixedB = b.hasRest ? b.segments.length - 1 : b.segments.length;
  // Path lengths: exactly `fixed` without a rest segment, `fixed + 1` or more with one.
  const minA = a.hasRest ? fixedA + 1 : fixedA;
  const minB = b.hasRest ? fixedB + 1 : fixedB;
  if (!a.hasRest && !b.hasRest && fixedA !== fixedB) return false;
  if (!a.hasRest && fixedA < minB) return false;
  if (!b.hasRest && fixedB < minA) return false;
  const shared = Math.min(fixedA, fixedB);
  for (let i = 0; i < shared; i++) {
    const x = a.segments[i]!;
    const y = b.segments[i]!;
    if (x.kind === 'literal' && y.kind === 'literal' && x.value !== y.value) return false;
  }
  return true;
}
