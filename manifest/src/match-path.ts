import type { Pattern } from './types.js';

/**
 * Whether a pattern matches a concrete path given as segments (see `splitRequestPath`): literals
 * compare exactly, `{name}` takes one non-empty segment, `{*name}` one or more trailing segments
 * (so `/x/{*rest}` does not match `/x`).
 */
export function matchPath(pattern: Pattern, parts: readonly string[]): boolean {
  const { segments, hasRest } = pattern;
  if (hasRest ? parts.length < segments.length : parts.length !== segments.length) return false;
  const fixed = hasRest ? segments.length - 1 : segments.length;
  for (let i = 0; i < fixed; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if (part === '') return false;
    if (segment.kind === 'literal' && segment.value !== part) return false;
  }
  if (hasRest) {
    for (let i = fixed; i < parts.length; i++) if (parts[i] === '') return false;
  }
  return true;
}
