import { parsePattern } from '../parse-pattern.js';
import { MAX_VARIANTS } from './expand-optional-groups.js';

/**
 * Fleet patterns for one framework path (more than one when the path has optional parts, shortest
 * first), or why it cannot be expressed; a path is never invented.
 */
export type NormalizeResult = { ok: true; paths: readonly string[] } | { ok: false; reason: string };

/** Validates, de-duplicates and orders the produced patterns (shortest first). */
export function finish(paths: readonly string[], original: string): NormalizeResult {
  const unique = [...new Set(paths)];
  for (const path of unique) {
    const parsed = parsePattern(path);
    if (!parsed.ok) return { ok: false, reason: `\`${original}\` cannot be expressed as a pattern: ${parsed.reason}` };
  }
  if (unique.length > MAX_VARIANTS)
    return { ok: false, reason: `\`${original}\` expands to more than ${MAX_VARIANTS} patterns; declare it by hand` };
  const depth = (path: string) => (path === '/' ? 0 : path.split('/').length);
  return { ok: true, paths: unique.sort((a, b) => depth(a) - depth(b)) };
}
