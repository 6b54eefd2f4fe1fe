import { describe, expect, it } from 'vitest';
import { matchPath, parsePattern, patternCovers, patternsOverlap, splitRequestPath, type Pattern } from '../src/index.js';

function pattern(text: string): Pattern {
  const result = parsePattern(text);
  if (!result.ok) throw new Error(result.reason);
  return result.pattern;
}

describe('parsePattern', () => {
  it('parses literals, `{name}` and a trailing `{*name}`', () => {
    expect(parsePattern('/api/{id}/files/{*path}')).toEqual({
      ok: true,
      pattern: {
        text: '/api/{id}/files/{*path}',
        segments: [
          { kind: 'literal', value: 'api' },
          { kind: 'param', name: 'id' },
          { kind: 'literal', value: 'files' },
          { kind: 'rest', name: 'path' },
        ],
        literals: 2,
        hasRest: true,
      },
    });
  });
  it('parses the root as no segments', () => {
    expect(parsePattern('/')).toEqual({ ok: true, pattern: { text: '/', segments: [], literals: 0, hasRest: false } });
  });
  it('rejects a missing leading slash', () => {
    expect(parsePattern('api/x')).toEqual({ ok: false, reason: 'a pattern starts with `/`; write `/api/x`' });
  });
  it('rejects a trailing slash', () => {
    expect(parsePattern('/api/')).toEqual({ ok: false, reason: 'a pattern has no trailing slash (the same route is meant); write `/api`' });
  });
  it('rejects `{*name}` before the last segment', () => {
    expect(parsePattern('/a/{*rest}/b')).toEqual({
      ok: false,
      reason: '`{*rest}` matches the rest of the path, so it must be the last segment; use `{rest}` for one segment',
    });
  });
  it('suggests `{id}` for `:id`', () => {
    expect(parsePattern('/users/:id')).toEqual({ ok: false, reason: '`:id` is framework syntax; write `{id}`' });
  });
  it('suggests `{*rest}` for `*`', () => {
    expect(parsePattern('/files/*')).toEqual({
      ok: false,
      reason: '`*` is framework syntax; write `{*rest}` (one or more trailing segments)',
    });
  });
  it('suggests `{*slug}` for `[...slug]`', () => {
    expect(parsePattern('/docs/[...slug]')).toEqual({ ok: false, reason: '`[...slug]` is Next.js syntax; write `{*slug}`' });
  });
  it('rejects a parameter inside a segment', () => {
    expect(parsePattern('/files/{name}.json')).toEqual({
      ok: false,
      reason: '`{name}.json` mixes text and a parameter; a parameter is a whole segment, e.g. `{name}`',
    });
  });
  it('rejects an empty parameter name', () => {
    expect(parsePattern('/a/{}')).toEqual({ ok: false, reason: '`{}` needs a parameter name of letters, digits and `_`, e.g. `{id}`' });
  });
  it('rejects a repeated parameter name', () => {
    expect(parsePattern('/a/{id}/b/{id}')).toEqual({ ok: false, reason: 'parameter `id` appears twice; give each parameter its own name' });
  });
  it('rejects an empty segment', () => {
    expect(parsePattern('/a//b')).toEqual({ ok: false, reason: 'empty segment (`//`) in `/a//b`; remove the extra slash' });
  });
  it('rejects a query string', () => {
    expect(parsePattern('/a?x=1')).toEqual({ ok: false, reason: 'a pattern has no query string or fragment; declare the path only' });
  });
});

describe('splitRequestPath', () => {
  it('drops the query, fragment and one trailing slash', () => {
    expect(splitRequestPath('/api/items/?page=2#top')).toEqual(['api', 'items']);
  });
  it('gives no segments for the root', () => {
    expect(splitRequestPath('/')).toEqual([]);
  });
});

describe('matchPath', () => {
  it('matches a literal path exactly', () => {
    expect(matchPath(pattern('/api/health'), ['api', 'health'])).toBe(true);
    expect(matchPath(pattern('/api/health'), ['api', 'healthz'])).toBe(false);
  });
  it('matches `{name}` against exactly one non-empty segment', () => {
    expect(matchPath(pattern('/users/{id}'), ['users', '7'])).toBe(true);
    expect(matchPath(pattern('/users/{id}'), ['users'])).toBe(false);
    expect(matchPath(pattern('/users/{id}'), ['users', '7', 'x'])).toBe(false);
    expect(matchPath(pattern('/users/{id}'), ['users', ''])).toBe(false);
  });
  it('matches `{*name}` against one or more trailing segments, not zero', () => {
    expect(matchPath(pattern('/files/{*path}'), ['files', 'a'])).toBe(true);
    expect(matchPath(pattern('/files/{*path}'), ['files', 'a', 'b', 'c'])).toBe(true);
    expect(matchPath(pattern('/files/{*path}'), ['files'])).toBe(false);
  });
  it('matches the root pattern only against the root', () => {
    expect(matchPath(pattern('/'), [])).toBe(true);
    expect(matchPath(pattern('/'), ['a'])).toBe(false);
  });
});

describe('patternCovers (declaration over route pattern)', () => {
  it('covers a route `{id}` with a declaration `{x}`', () => {
    expect(patternCovers(pattern('/users/{x}'), pattern('/users/{id}'))).toBe(true);
  });
  it('does not cover a route `{id}` with a literal', () => {
    expect(patternCovers(pattern('/users/me'), pattern('/users/{id}'))).toBe(false);
  });
  it('covers a literal route with a `{x}` declaration', () => {
    expect(patternCovers(pattern('/users/{x}'), pattern('/users/me'))).toBe(true);
  });
  it('covers a route `{*path}` only with a `{*x}` declaration', () => {
    expect(patternCovers(pattern('/files/{*x}'), pattern('/files/{*path}'))).toBe(true);
    expect(patternCovers(pattern('/files/{x}'), pattern('/files/{*path}'))).toBe(false);
  });
  it('covers deeper routes with a wildcard declaration', () => {
    expect(patternCovers(pattern('/api/{*rest}'), pattern('/api/users/{id}/files'))).toBe(true);
    expect(patternCovers(pattern('/api/{*rest}'), pattern('/api'))).toBe(false);
  });
});

describe('patternsOverlap', () => {
  it('sees an overlap where literals and parameters line up', () => {
    expect(patternsOverlap(pattern('/a/{x}'), pattern('/{y}/b'))).toBe(true);
  });
  it('sees none where literals differ', () => {
    expect(patternsOverlap(pattern('/a/{x}'), pattern('/b/{y}'))).toBe(false);
  });
  it('sees none where lengths cannot agree', () => {
    expect(patternsOverlap(pattern('/a/{x}'), pattern('/a/{x}/{y}'))).toBe(false);
    expect(patternsOverlap(pattern('/a/{*r}'), pattern('/a'))).toBe(false);
  });
  it('sees a wildcard overlap a longer fixed pattern', () => {
    expect(patternsOverlap(pattern('/a/{*r}'), pattern('/a/b/c'))).toBe(true);
  });
});
