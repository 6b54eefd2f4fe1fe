import type { Pattern, Segment } from './types.js';

/** Result of `parsePattern`: the pattern, or why the text is not a valid pattern (with what to write instead). */
export type ParsePatternResult = { ok: true; pattern: Pattern } | { ok: false; reason: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses a pattern in Fleet's form: a leading `/`, segments separated by `/`, `{name}` for exactly
 * one segment, `{*name}` for one or more trailing segments (last only), literal text otherwise; no
 * trailing slash except the root `/`. Parameter names are letters, digits and `_`.
 */
export function parsePattern(text: string): ParsePatternResult {
  if (!text.startsWith('/')) {
    return fail(`a pattern starts with \`/\`; write \`/${text}\``);
  }
  if (/[?#]/.test(text)) {
    return fail('a pattern has no query string or fragment; declare the path only');
  }
  if (text === '/') return { ok: true, pattern: { text, segments: [], literals: 0, hasRest: false } };
  if (text.endsWith('/')) {
    return fail(`a pattern has no trailing slash (the same route is meant); write \`${text.replace(/\/+$/, '') || '/'}\``);
  }
  const raw = text.slice(1).split('/');
  const segments: Segment[] = [];
  const names = new Set<string>();
  for (const [i, part] of raw.entries()) {
    const segment = parseSegment(part, i === raw.length - 1, text);
    if (typeof segment === 'string') return fail(segment);
    if (segment.kind !== 'literal') {
      if (names.has(segment.name)) {
        return fail(`parameter \`${segment.name}\` appears twice; give each parameter its own name`);
      }
      names.add(segment.name);
    }
    segments.push(segment);
  }
  const literals = segments.filter((s) => s.kind === 'literal').length;
  return { ok: true, pattern: { text, segments, literals, hasRest: segments.at(-1)?.kind === 'rest' } };
}

function parseSegment(part: string, isLast: boolean, text: string): Segment | string {
  if (part === '') return `empty segment (\`//\`) in \`${text}\`; remove the extra slash`;
  const braced = /^\{(\*?)([^{}]*)\}$/.exec(part);
  if (braced) {
    const [, star, name = ''] = braced;
    if (!NAME.test(name)) {
      return `\`${part}\` needs a parameter name of letters, digits and \`_\`, e.g. \`{${star}id}\``;
    }
    if (star) {
      return isLast
        ? { kind: 'rest', name }
        : `\`${part}\` matches the rest of the path, so it must be the last segment; use \`{${name}}\` for one segment`;
    }
    return { kind: 'param', name };
  }
  if (part.startsWith(':')) {
    const name = part.slice(1).replace(/[?*+]$/, '');
    return `\`${part}\` is framework syntax; write \`{${NAME.test(name) ? name : 'id'}}\``;
  }
  if (part === '*' || part === '**' || part === '(.*)') {
    return `\`${part}\` is framework syntax; write \`{*rest}\` (one or more trailing segments)`;
  }
  const bracket = /^\[(\.\.\.)?([^\]]*)\]$/.exec(part);
  if (bracket) {
    return `\`${part}\` is Next.js syntax; write \`{${bracket[1] ? '*' : ''}${bracket[2] ?? 'id'}}\``;
  }
  if (/[{}]/.test(part)) {
    return `\`${part}\` mixes text and a parameter; a parameter is a whole segment, e.g. \`{name}\``;
  }
  return { kind: 'literal', value: part };
}

function fail(reason: string): ParsePatternResult {
  return { ok: false, reason };
}
