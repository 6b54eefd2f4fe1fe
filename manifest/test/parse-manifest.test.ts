import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest, type ManifestIssue } from '../src/index.js';

function issues(source: string): Omit<ManifestIssue, 'file'>[] {
  const result = parseManifest(source, 'm.yaml');
  if (result.ok) throw new Error('expected the manifest to be invalid');
  expect(result.error).toBeInstanceOf(ManifestError);
  return result.error.issues.map(({ line, column, code, message }) => ({ line, column, code, message }));
}

describe('parseManifest', () => {
  it('reads a valid manifest with positions', () => {
    const result = parseManifest(
      'version: 1\nroutes:\n  - { method: get, path: /api/health, role: fleet-ok }\n  - method: "*"\n    path: /ide/{*rest}\n    role: ide-only\n    reason: the IDE itself\n',
      'm.yaml',
    );
    expect(result.ok && result.manifest.declarations).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/health',
        role: 'fleet-ok',
        reason: undefined,
        index: 0,
        position: { line: 3, column: 5 },
      }),
      expect.objectContaining({
        method: '*',
        path: '/ide/{*rest}',
        role: 'ide-only',
        reason: 'the IDE itself',
        index: 1,
        position: { line: 4, column: 5 },
      }),
    ]);
  });
  it('accepts an empty route list', () => {
    expect(parseManifest('version: 1\nroutes: []\n').ok).toBe(true);
  });
  it('lists every problem in one error with file:line:column', () => {
    const result = parseManifest(
      'version: 1\nroutes:\n  - { method: GET, path: /a, role: ide_only }\n  - { method: GET, path: /b, role: ide-only }\n',
      'm.yaml',
    );
    expect(result.ok ? '' : result.error.message).toBe(
      'Invalid route manifest m.yaml (2 problems):\n' +
        '  m.yaml:3:36 Unknown role `ide_only` (did you mean `ide-only`?); write `ide-only` (needs the workspace files) or `fleet-ok` (any replica).\n' +
        '  m.yaml:4:5 An `ide-only` route needs a `reason` (why it must run on the node with the workspace files), e.g. `reason: reads the checkout`.',
    );
  });
  it('reports an unknown method', () => {
    expect(issues('version: 1\nroutes:\n  - { method: FETCH, path: /a, role: fleet-ok }\n')).toEqual([
      {
        line: 3,
        column: 15,
        code: 'method',
        message:
          'Unknown method `FETCH` (did you mean `PATCH`?); write one of `GET`, `HEAD`, `POST`, `PUT`, `PATCH`, `DELETE`, `OPTIONS`, `TRACE`, `CONNECT` or `"*"` for any method.',
      },
    ]);
  });
  it('reports a wildcard that is not last', () => {
    expect(issues('version: 1\nroutes:\n  - { method: GET, path: "/b/{*r}/c", role: fleet-ok }\n')).toEqual([
      {
        line: 3,
        column: 26,
        code: 'path',
        message:
          'Invalid path `/b/{*r}/c`: `{*r}` matches the rest of the path, so it must be the last segment; use `{r}` for one segment.',
      },
    ]);
  });
  it('suggests `{id}` for `:id`', () => {
    expect(issues('version: 1\nroutes:\n  - { method: GET, path: /a/:id, role: fleet-ok }\n')).toEqual([
      { line: 3, column: 26, code: 'path', message: 'Invalid path `/a/:id`: `:id` is framework syntax; write `{id}`.' },
    ]);
  });
  it('reports an unknown key with a suggestion', () => {
    expect(issues('version: 1\nroutes:\n  - { method: GET, path: /a, role: fleet-ok, reson: x }\n')).toEqual([
      {
        line: 3,
        column: 46,
        code: 'unknown-key',
        message: 'Unknown key `reson` in a route (did you mean `reason`?); the keys are `method`, `path`, `role`, `reason`.',
      },
    ]);
  });
  it('maps a familiar key name to ours', () => {
    expect(issues('version: 1\nroutes:\n  - { method: GET, pattern: /a, role: fleet-ok }\n')).toEqual([
      { line: 3, column: 5, code: 'missing-key', message: 'A route needs `path`, e.g. `path: "/api/items/{id}"`.' },
      {
        line: 3,
        column: 20,
        code: 'unknown-key',
        message: 'Unknown key `pattern` in a route (did you mean `path`?); the keys are `method`, `path`, `role`, `reason`.',
      },
    ]);
  });
  it('reports an unknown top-level key', () => {
    expect(issues('version: 1\nroute:\n  - { method: GET, path: /a, role: fleet-ok }\n')).toEqual([
      { line: 1, column: 1, code: 'missing-key', message: 'The manifest has no `routes`; add `routes:` followed by declarations.' },
      {
        line: 2,
        column: 1,
        code: 'unknown-key',
        message: 'Unknown top-level key `route` (did you mean `routes`?); a manifest has only `version` and `routes`.',
      },
    ]);
  });
  it('reports an unsupported version', () => {
    expect(issues('version: 2\nroutes: []\n')).toEqual([
      { line: 1, column: 10, code: 'version', message: 'Unsupported manifest version 2; this version of fleet-routes reads `version: 1`.' },
    ]);
  });
  it('reports a missing version', () => {
    expect(issues('routes: []\n')).toEqual([
      { line: 1, column: 1, code: 'version', message: 'The manifest has no `version`; add `version: 1` as its first line.' },
    ]);
  });
  it('reports an empty reason on an ide-only route', () => {
    expect(issues('version: 1\nroutes:\n  - { method: GET, path: /a, role: ide-only, reason: "" }\n')).toEqual([
      { line: 3, column: 54, code: 'reason', message: '`reason` must be a non-empty sentence, e.g. `reason: reads the checkout`.' },
    ]);
  });
  it('reports a route that is not a mapping', () => {
    expect(issues('version: 1\nroutes:\n  - GET /a\n')).toEqual([
      {
        line: 3,
        column: 5,
        code: 'shape',
        message: 'Each route is a mapping such as `{ method: GET, path: "/api/health", role: fleet-ok }`.',
      },
    ]);
  });
  it('reports a duplicate declaration, parameter names aside', () => {
    expect(
      issues(
        'version: 1\nroutes:\n  - { method: GET, path: "/c/{x}", role: fleet-ok }\n  - { method: GET, path: "/c/{y}", role: fleet-ok }\n',
      ),
    ).toEqual([
      { line: 4, column: 5, code: 'duplicate', message: '`GET /c/{y}` is already declared on line 3 (`GET /c/{x}`); keep one of them.' },
    ]);
  });
  it('reports a tie of overlapping declarations with equal precedence', () => {
    expect(
      issues(
        'version: 1\nroutes:\n  - { method: GET, path: "/a/{x}", role: fleet-ok }\n  - { method: GET, path: "/{y}/b", role: ide-only, reason: r }\n',
      ),
    ).toEqual([
      {
        line: 4,
        column: 5,
        code: 'tie',
        message:
          '`GET /{y}/b` ties with `GET /a/{x}` on line 3: both match `/a/b` with equal precedence; add a literal segment to one, or declare the shared path explicitly.',
      },
    ]);
  });
  it('does not call declarations that cannot share a path a tie', () => {
    expect(
      parseManifest(
        'version: 1\nroutes:\n  - { method: GET, path: "/a/{x}", role: fleet-ok }\n  - { method: GET, path: "/b/{y}", role: fleet-ok }\n  - { method: POST, path: "/a/{x}", role: fleet-ok }\n',
      ).ok,
    ).toBe(true);
  });
  it('hints to quote a `*` method', () => {
    expect(issues('version: 1\nroutes:\n  - method: *\n    path: /x\n    role: fleet-ok\n')[0]).toEqual({
      line: 3,
      column: 13,
      code: 'syntax',
      message: 'YAML syntax error: Alias cannot be an empty string; `*` starts a YAML alias, so quote it: `method: "*"`.',
    });
  });
  it('hints to quote a path with braces in a flow mapping', () => {
    expect(issues('version: 1\nroutes:\n  - { method: GET, path: /api/{id}, role: fleet-ok }\n')[0]).toEqual({
      line: 3,
      column: 31,
      code: 'syntax',
      message:
        'YAML syntax error: Unexpected flow-map-start at node end; inside `{ … }` a path with braces must be quoted: `path: "/api/items/{id}"`.',
    });
  });
  it('reports an empty file', () => {
    expect(issues('')).toEqual([
      { line: 1, column: 1, code: 'shape', message: 'A manifest is a mapping that starts with `version: 1` and lists `routes:`.' },
    ]);
  });
});
