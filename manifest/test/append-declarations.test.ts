import { describe, expect, it } from 'vitest';
import { appendDeclarations, ManifestError, parseManifest } from '../src/index.js';

const unreviewed = { method: 'POST', path: '/api/items/{id}', role: 'ide-only', reason: 'unreviewed' } as const;

describe('appendDeclarations', () => {
  it('appends to a block list keeping comments and formatting', () => {
    const source =
      '# Route roles. Ask #platform before adding fleet-ok.\nversion: 1\nroutes:\n    # health checks\n    - { method: GET, path: /api/health, role: fleet-ok }   # probe\n    - method: GET\n      path: /api/files/{*path}\n      role: ide-only\n      reason: reads the checkout\n# end of routes\n';
    expect(appendDeclarations(source, [unreviewed])).toBe(
      '# Route roles. Ask #platform before adding fleet-ok.\nversion: 1\nroutes:\n    # health checks\n    - { method: GET, path: /api/health, role: fleet-ok }   # probe\n    - method: GET\n      path: /api/files/{*path}\n      role: ide-only\n      reason: reads the checkout\n    - { method: POST, path: "/api/items/{id}", role: ide-only, reason: unreviewed }\n# end of routes\n',
    );
  });
  it('produces a manifest that parses with the new declaration', () => {
    const result = parseManifest(
      appendDeclarations('version: 1\nroutes:\n  - { method: GET, path: /a, role: fleet-ok }', [
        unreviewed,
        { method: '*', path: '/b/{*rest}', role: 'fleet-ok' },
      ]),
    );
    expect(result.ok && result.manifest.declarations.map((d) => `${d.method} ${d.path} ${d.role}`)).toEqual([
      'GET /a fleet-ok',
      'POST /api/items/{id} ide-only',
      '* /b/{*rest} fleet-ok',
    ]);
  });
  it('replaces an empty flow list', () => {
    expect(appendDeclarations('version: 1\nroutes: [] # none yet\n', [unreviewed])).toBe(
      'version: 1\nroutes: # none yet\n  - { method: POST, path: "/api/items/{id}", role: ide-only, reason: unreviewed }\n',
    );
  });
  it('fills an empty `routes:` keeping the comment after it', () => {
    expect(appendDeclarations('version: 1 # v\nroutes: # list\nother: 2\n', [unreviewed])).toBe(
      'version: 1 # v\nroutes: # list\n  - { method: POST, path: "/api/items/{id}", role: ide-only, reason: unreviewed }\nother: 2\n',
    );
  });
  it('adds `routes:` when missing', () => {
    expect(appendDeclarations('version: 1\n', [unreviewed])).toBe(
      'version: 1\nroutes:\n  - { method: POST, path: "/api/items/{id}", role: ide-only, reason: unreviewed }\n',
    );
  });
  it('creates a manifest from empty text', () => {
    expect(appendDeclarations('', [{ method: 'get', path: '/', role: 'fleet-ok' }])).toBe(
      'version: 1\nroutes:\n  - { method: GET, path: /, role: fleet-ok }\n',
    );
  });
  it('quotes reasons YAML would misread', () => {
    expect(appendDeclarations('', [{ method: 'GET', path: '/x', role: 'ide-only', reason: 'reads: the checkout, #1' }])).toBe(
      'version: 1\nroutes:\n  - { method: GET, path: /x, role: ide-only, reason: "reads: the checkout, #1" }\n',
    );
  });
  it('throws a ManifestError for text that is not YAML', () => {
    expect(() => appendDeclarations('version: 1\nroutes: [\n', [unreviewed])).toThrow(ManifestError);
  });
});
