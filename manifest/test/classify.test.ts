import { describe, expect, it } from 'vitest';
import { classify, classifyPattern } from '../src/index.js';
import { manifestOf } from './manifest-of.js';

const manifest = manifestOf(`version: 1
routes:
  - { method: "*", path: "/api/{*rest}", role: ide-only, reason: unreviewed }
  - { method: GET, path: "/api/runs/{id}", role: fleet-ok }
  - { method: GET, path: "/api/runs/{id}/events", role: ide-only, reason: live in-process stream }
  - { method: GET, path: "/api/ws/{ws}/files/{*path}", role: ide-only, reason: reads the checkout }
  - { method: GET, path: "/api/ws/{ws}/files", role: fleet-ok }
  - { method: GET, path: "/api/secrets/{id}", role: ide-only, reason: reads the state dir }
  - { method: GET, path: "/api/secrets/env", role: fleet-ok }
  - { method: "*", path: "/api/health", role: ide-only, reason: probes the checkout }
  - { method: GET, path: "/api/health", role: fleet-ok }
  - { method: GET, path: "/", role: fleet-ok }
`);

function winner(method: string, path: string): string | undefined {
  const d = classify(manifest, method, path);
  return d && `${d.method} ${d.path} ${d.role}`;
}

describe('classify', () => {
  it('lets a fleet-ok carve-out win under an ide-only wildcard', () => {
    expect(winner('GET', '/api/runs/42')).toBe('GET /api/runs/{id} fleet-ok');
  });
  it('keeps a longer path under the carve-out on the wildcard', () => {
    expect(winner('GET', '/api/runs/42/logs')).toBe('* /api/{*rest} ide-only');
  });
  it('prefers a declaration without a trailing wildcard over one with', () => {
    expect(winner('GET', '/api/ws/w1/files')).toBe('GET /api/ws/{ws}/files fleet-ok');
    expect(winner('GET', '/api/ws/w1/files/src/a.ts')).toBe('GET /api/ws/{ws}/files/{*path} ide-only');
  });
  it('prefers more literal segments', () => {
    expect(winner('GET', '/api/secrets/env')).toBe('GET /api/secrets/env fleet-ok');
    expect(winner('GET', '/api/secrets/db')).toBe('GET /api/secrets/{id} ide-only');
  });
  it('lets one more literal segment keep a live stream ide-only', () => {
    expect(winner('GET', '/api/runs/42/events')).toBe('GET /api/runs/{id}/events ide-only');
  });
  it('prefers a concrete method over `*`', () => {
    expect(winner('GET', '/api/health')).toBe('GET /api/health fleet-ok');
    expect(winner('POST', '/api/health')).toBe('* /api/health ide-only');
  });
  it('answers HEAD with the GET declaration before `*`', () => {
    expect(winner('HEAD', '/api/health')).toBe('GET /api/health fleet-ok');
  });
  it('falls through to `*` for a method nobody declared', () => {
    expect(winner('DELETE', '/api/runs/42')).toBe('* /api/{*rest} ide-only');
  });
  it('accepts lower-case methods, query strings and a trailing slash', () => {
    expect(winner('get', '/api/runs/42/?verbose=1')).toBe('GET /api/runs/{id} fleet-ok');
  });
  it('classifies the root', () => {
    expect(winner('GET', '/')).toBe('GET / fleet-ok');
  });
  it('returns undefined when nothing matches', () => {
    expect(classify(manifest, 'GET', '/api')).toBeUndefined();
    expect(classify(manifest, 'GET', '/other')).toBeUndefined();
  });
  it('returns the declaration with its source position', () => {
    expect(classify(manifest, 'GET', '/api/health')).toMatchObject({
      method: 'GET',
      path: '/api/health',
      role: 'fleet-ok',
      reason: undefined,
      index: 8,
      position: { line: 11, column: 5 },
    });
  });
});

describe('classifyPattern', () => {
  it('classifies a route `{id}` by a declaration `{x}`', () => {
    expect(classifyPattern(manifest, 'GET', '/api/runs/{runId}')?.path).toBe('/api/runs/{id}');
  });
  it('does not let a literal declaration classify a parameter route', () => {
    expect(classifyPattern(manifest, 'GET', '/api/secrets/{name}')?.path).toBe('/api/secrets/{id}');
    expect(classifyPattern(manifest, 'GET', '/api/secrets/env')?.path).toBe('/api/secrets/env');
  });
  it('classifies a wildcard route only by a wildcard declaration', () => {
    expect(classifyPattern(manifest, 'GET', '/api/runs/{*rest}')?.path).toBe('/api/{*rest}');
  });
  it('classifies an all-methods route only by `*` declarations', () => {
    expect(classifyPattern(manifest, '*', '/api/health')?.method).toBe('*');
  });
  it('returns undefined for an undeclared route', () => {
    expect(classifyPattern(manifest, 'GET', '/metrics')).toBeUndefined();
  });
  it('throws a TypeError for framework syntax', () => {
    expect(() => classifyPattern(manifest, 'GET', '/users/:id')).toThrow(
      'classifyPattern: invalid route pattern `/users/:id`: `:id` is framework syntax; write `{id}`.',
    );
  });
});
