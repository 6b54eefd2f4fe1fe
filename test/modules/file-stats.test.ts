import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { beginFile, clearFileStats, isRegularFile, MAX_AGE_MS, statOf } from '../../src/modules/file-stats.js';
import { resolveModule } from '../../src/modules/resolve-module.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-file-stats-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
  clearFileStats();
});

describe('file stats remembered while one file is linted', () => {
  it('answers a second stat of the same path from memory until another linted file begins', () => {
    const file = path.join(dir, 'a.ts');
    writeFileSync(file, 'one');
    beginFile({});
    const first = statOf(file);
    expect(first?.size).toBe(3);
    writeFileSync(file, 'one, two');
    expect(statOf(file)).toBe(first);
    // The same host file again (every rule's `create` calls it): still remembered.
    const lint = {};
    beginFile(lint);
    const second = statOf(file);
    expect(second?.size).toBe(8);
    beginFile(lint);
    expect(statOf(file)).toBe(second);
  });

  it('remembers a missing file as missing, and sees it once it exists in the next linted file', () => {
    const file = path.join(dir, 'later.ts');
    beginFile({});
    expect(statOf(file)).toBeUndefined();
    writeFileSync(file, 'x');
    expect(isRegularFile(file)).toBe(false);
    beginFile({});
    expect(isRegularFile(file)).toBe(true);
  });

  it('forgets after MAX_AGE_MS even when no new file begins (a tool without rules, a long analysis)', () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T00:00:00Z'), toFake: ['Date'] });
    const file = path.join(dir, 'b.ts');
    writeFileSync(file, 'one');
    beginFile({});
    expect(statOf(file)?.size).toBe(3);
    writeFileSync(file, 'one, two');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    vi.advanceTimersByTime(MAX_AGE_MS - 1);
    expect(statOf(file)?.size).toBe(3);
    vi.advanceTimersByTime(1);
    expect(statOf(file)?.size).toBe(8);
  });

  it('keeps module resolution for the same lifetime: a module created later resolves in the next linted file', () => {
    const from = path.join(dir, 'app', 'server.ts');
    mkdirSync(path.dirname(from), { recursive: true });
    writeFileSync(from, '');
    beginFile({});
    expect(resolveModule(from, './users.js')).toBeUndefined();
    writeFileSync(path.join(dir, 'app', 'users.ts'), 'export {};\n');
    expect(resolveModule(from, './users.js')).toBeUndefined();
    beginFile({});
    expect(resolveModule(from, './users.js')).toBe(path.join(dir, 'app', 'users.ts'));
  });

  it('resolves a folder to its index module, and a file name never to an index under it', () => {
    const from = path.join(dir, 'svc', 'main.ts');
    mkdirSync(path.join(dir, 'svc', 'routes'), { recursive: true });
    writeFileSync(from, '');
    writeFileSync(path.join(dir, 'svc', 'routes', 'index.ts'), 'export {};\n');
    writeFileSync(path.join(dir, 'svc', 'plain.ts'), 'export {};\n');
    beginFile({});
    expect(resolveModule(from, './routes')).toBe(path.join(dir, 'svc', 'routes', 'index.ts'));
    expect(resolveModule(from, './plain')).toBe(path.join(dir, 'svc', 'plain.ts'));
    expect(resolveModule(from, './missing')).toBeUndefined();
  });
});
