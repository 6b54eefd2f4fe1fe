import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beginFile } from '../../src/modules/file-stats.js';
import { FileVersionCache } from '../../src/modules/file-version-cache.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-file-cache-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('FileVersionCache', () => {
  it('computes once per file version and again after the file changes', () => {
    const file = path.join(dir, 'a.ts');
    writeFileSync(file, 'one');
    let computed = 0;
    const cache = new FileVersionCache((source) => `${String((computed += 1))}:${source.file.length}`, 'missing');
    expect(cache.get(file)).toBe(`1:${file.length}`);
    expect(cache.get(file)).toBe(`1:${file.length}`);
    writeFileSync(file, 'two, longer');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    // Within the analysis of one linted file the version read first is kept (the stats are remembered) …
    expect(cache.get(file)).toBe(`1:${file.length}`);
    // … and the next linted file sees the change.
    beginFile({});
    expect(cache.get(file)).toBe(`2:${file.length}`);
    expect(cache.size).toBe(1);
  });

  it('gives the fallback for a missing file or a directory, and remembers a compute that throws', () => {
    const broken = path.join(dir, 'broken.ts');
    writeFileSync(broken, 'x');
    let calls = 0;
    const cache = new FileVersionCache<string>(() => {
      calls += 1;
      throw new Error('does not parse');
    }, 'fallback');
    expect(cache.get(path.join(dir, 'nope.ts'))).toBe('fallback');
    expect(cache.get(dir)).toBe('fallback');
    expect(cache.get(broken)).toBe('fallback');
    expect(cache.get(broken)).toBe('fallback');
    expect(calls).toBe(1);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
