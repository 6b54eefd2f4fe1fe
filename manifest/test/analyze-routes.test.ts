import { describe, expect, it } from 'vitest';
import { analyzeRoutes } from '../src/index.js';
import { manifestOf } from './manifest-of.js';

const manifest = manifestOf(`version: 1
routes:
  - { method: "*", path: "/api/runs/{*rest}", role: ide-only, reason: unreviewed }
  - { method: GET, path: "/api/runs/{id}", role: fleet-ok }
  - { method: GET, path: "/api/runs/{id}/steps", role: fleet-ok }
  - { method: GET, path: "/api/files/{*path}", role: ide-only, reason: reads the checkout }
  - { method: GET, path: "/api/old", role: fleet-ok }
`);

describe('analyzeRoutes', () => {
  const routes = [
    { method: 'GET', path: '/api/runs/{runId}' },
    { method: 'GET', path: '/api/runs/{runId}/steps' },
    { method: 'GET', path: '/api/files/{*path}' },
    { method: 'POST', path: '/api/users' },
    { method: 'GET', path: '/users/:id' },
  ];
  const analysis = analyzeRoutes(manifest, routes);

  it('pairs classified routes with their declaration', () => {
    expect(analysis.classified.map((c) => `${c.route.path} -> ${c.declaration.path}`)).toEqual([
      '/api/runs/{runId} -> /api/runs/{id}',
      '/api/runs/{runId}/steps -> /api/runs/{id}/steps',
      '/api/files/{*path} -> /api/files/{*path}',
    ]);
  });
  it('lists unclassified routes', () => {
    expect(analysis.unclassified).toEqual([{ method: 'POST', path: '/api/users' }]);
  });
  it('lists routes whose path is not a pattern', () => {
    expect(analysis.invalid).toEqual([{ route: { method: 'GET', path: '/users/:id' }, reason: '`:id` is framework syntax; write `{id}`' }]);
  });
  it('lists declarations no route reaches as stale', () => {
    expect(analysis.stale.map((d) => d.path)).toEqual(['/api/old']);
  });
  it('lists an ide-only wildcard whose every shared request a fleet-ok declaration wins as shadowed', () => {
    expect(analysis.shadowed.map((s) => [s.declaration.path, s.by.map((d) => d.path)])).toEqual([
      ['/api/runs/{*rest}', ['/api/runs/{id}', '/api/runs/{id}/steps']],
    ]);
  });
  it('does not call a wildcard shadowed when a route reaches past the carve-outs', () => {
    const deeper = analyzeRoutes(manifest, [...routes, { method: 'GET', path: '/api/runs/{runId}/logs/{*rest}' }]);
    expect(deeper.shadowed).toEqual([]);
  });
  it('does not call a wildcard shadowed when another method reaches it', () => {
    const other = analyzeRoutes(manifest, [...routes, { method: 'DELETE', path: '/api/runs/{runId}' }]);
    expect(other.shadowed).toEqual([]);
  });
});
