import type { Pattern } from './types.js';

/**
 * The precedence key of a pattern, higher is more specific: a pattern without a trailing
 * `{*name}` beats one with, then more literal segments beat fewer. The method fit (see
 * `methodFit`) is added in the two low bits, so a concrete method beats `*` only between
 * patterns with the same key.
 */
export function patternRank(pattern: Pattern): number {
  return ((pattern.hasRest ? 0 : 1) << 16) | (pattern.literals << 2);
}
