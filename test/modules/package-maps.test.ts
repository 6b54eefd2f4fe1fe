import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveModule } from '../../src/modules/resolve-module.js';
import { workspacePackages } from '../../src/routes/workspace-packages.js';

const ROOT = path.resolve(import.meta.dirname, '../fixtures/package-maps');
const FROM = path.join(ROOT, 'server/server.js');
const AUTH = path.join(ROOT, 'packages/auth');
const { packages } = workspacePackages([ROOT, AUTH], new Set());

describe('package.json subpath imports (#)', () => {
  it('resolves an exact key', () => {
    expect(resolveModule(FROM, '#server/cloudcmd')).toBe(path.join(ROOT, 'server/cloudcmd.js'));
  });

  it('resolves a pattern key, the longest prefix winning over the exact-less keys', () => {
    expect(resolveModule(FROM, '#server/user')).toBe(path.join(ROOT, 'server/user.js'));
    expect(resolveModule(FROM, '#server/rest/index')).toBe(path.join(ROOT, 'server/rest/index.js'));
  });

  it('reads a conditions object in key order, skipping `types`', () => {
    expect(resolveModule(FROM, '#lib/db')).toBe(path.join(ROOT, 'lib/db.ts'));
  });

  it('resolves a legacy folder key ending in /', () => {
    expect(resolveModule(FROM, '#legacy/db')).toBe(path.join(ROOT, 'lib/db.ts'));
  });

  it('leaves a key that maps to a package, and an unknown key, unresolved', () => {
    expect(resolveModule(FROM, '#dep')).toBeUndefined();
    expect(resolveModule(FROM, '#nothing/here')).toBeUndefined();
  });
});

describe('workspace package exports', () => {
  it('resolves the package itself through the "." export', () => {
    expect(resolveModule(FROM, '@acme/auth', { packages })).toBe(path.join(AUTH, 'src/index.ts'));
  });

  it('resolves a named subpath to its export target, not the same-named file', () => {
    expect(resolveModule(FROM, '@acme/auth/server', { packages })).toBe(path.join(AUTH, 'src/server-entry.ts'));
  });

  it('resolves a pattern subpath', () => {
    expect(resolveModule(FROM, '@acme/auth/utils/token', { packages })).toBe(path.join(AUTH, 'src/utils/token.ts'));
  });
});
