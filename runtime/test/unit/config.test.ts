import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, redactUrl } from '../../src/open-store.js';
import { readRole, runsWorkers } from '../../src/role.js';

describe('parseDatabaseUrl', () => {
  it('defaults to .fleet/fleet.db under the working directory', () => {
    expect(parseDatabaseUrl(undefined, '/app')).toEqual({ kind: 'sqlite', path: '/app/.fleet/fleet.db' });
    expect(parseDatabaseUrl('  ', '/app')).toEqual({ kind: 'sqlite', path: '/app/.fleet/fleet.db' });
  });
  it('reads sqlite paths, relative or absolute, and memory', () => {
    expect(parseDatabaseUrl('sqlite:data/q.db', '/app')).toEqual({ kind: 'sqlite', path: '/app/data/q.db' });
    expect(parseDatabaseUrl('sqlite:///var/q.db', '/app')).toEqual({ kind: 'sqlite', path: '/var/q.db' });
    expect(parseDatabaseUrl('sqlite::memory:', '/app')).toEqual({ kind: 'sqlite', path: ':memory:' });
  });
  it('passes postgres URLs through', () => {
    expect(parseDatabaseUrl('postgresql://u:p@h/db')).toEqual({ kind: 'postgres', url: 'postgresql://u:p@h/db' });
  });
  it('rejects anything else without echoing the password', () => {
    expect(() => parseDatabaseUrl('mysql://root:hunter2@db/app')).toThrow(
      'FLEET_DATABASE_URL="mysql://root:***@db/app" is not a database URL fleet-runtime understands; use sqlite:<path>',
    );
  });
  it('redacts passwords', () => {
    expect(redactUrl('postgres://fleet:s3cret@db:5432/app')).toBe('postgres://fleet:***@db:5432/app');
    expect(redactUrl('postgres://db/app')).toBe('postgres://db/app');
  });
});

describe('readRole', () => {
  it('defaults to all and accepts every role in any case', () => {
    expect(readRole(undefined)).toBe('all');
    expect(readRole('Worker')).toBe('worker');
    expect(readRole('serve')).toBe('serve');
  });
  it('rejects unknown roles naming the accepted ones', () => {
    expect(() => readRole('web')).toThrow('FLEET_ROLE="web" is not a role; use one of serve, worker, ide, all (unset means all).');
  });
  it('runs workers everywhere but on serve', () => {
    expect([runsWorkers('serve'), runsWorkers('worker'), runsWorkers('ide'), runsWorkers('all')]).toEqual([false, true, true, true]);
  });
});
