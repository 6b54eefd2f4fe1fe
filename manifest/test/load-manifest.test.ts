import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearManifestCache, findManifest, loadManifest } from '../src/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fleet-routes-'));
  clearManifestCache();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const v1 = 'version: 1\nroutes:\n  - { method: GET, path: /api/health, role: fleet-ok }\n';
const v2 = 'version: 1\nroutes:\n  - { method: GET, path: /api/health, role: ide-only, reason: probes disk }\n';

describe('loadManifest', () => {
  it('returns the cached result while the file is unchanged', () => {
    const file = join(dir, 'fleet.routes.yaml');
    writeFileSync(file, v1);
    const first = loadManifest(file);
    expect(first.ok).toBe(true);
    expect(loadManifest(file)).toBe(first);
  });
  it('re-reads the file when its size changes', () => {
    const file = join(dir, 'fleet.routes.yaml');
    writeFileSync(file, v1);
    const first = loadManifest(file);
    writeFileSync(file, v2);
    const second = loadManifest(file);
    expect(second).not.toBe(first);
    expect(second.ok && second.manifest.declarations[0]?.role).toBe('ide-only');
  });
  it('re-reads the file when only its mtime changes', () => {
    const file = join(dir, 'fleet.routes.yaml');
    writeFileSync(file, v1);
    utimesSync(file, 1_000, 1_000);
    const first = loadManifest(file);
    writeFileSync(file, v1.replace('health', 'healtz'));
    utimesSync(file, 2_000, 2_000);
    const second = loadManifest(file);
    expect(second.ok && second.manifest.declarations[0]?.path).toBe('/api/healtz');
    expect(second).not.toBe(first);
  });
  it('re-parses after clearManifestCache', () => {
    const file = join(dir, 'fleet.routes.yaml');
    writeFileSync(file, v1);
    const first = loadManifest(file);
    clearManifestCache();
    expect(loadManifest(file)).not.toBe(first);
  });
  it('returns an error naming the file when it does not exist', () => {
    const file = join(dir, 'missing.yaml');
    const result = loadManifest(file);
    expect(result.ok ? [] : result.error.issues).toEqual([
      {
        file,
        line: 1,
        column: 1,
        code: 'unreadable',
        message: 'The route manifest does not exist; create it with `fleet routes --init` or point `settings.fleet` at the right file.',
      },
    ]);
  });
  it('names the absolute file in validation errors', () => {
    const file = join(dir, 'fleet.routes.yaml');
    writeFileSync(file, 'version: 3\nroutes: []\n');
    const result = loadManifest(file);
    expect(result.ok ? '' : result.error.message).toBe(
      `Invalid route manifest ${file} (1 problem):\n  ${file}:1:10 Unsupported manifest version 3; this version of fleet-routes reads \`version: 1\`.`,
    );
  });
});

describe('findManifest', () => {
  it('finds the nearest manifest walking up', () => {
    mkdirSync(join(dir, 'app', 'src', 'routes'), { recursive: true });
    writeFileSync(join(dir, 'app', 'fleet.routes.yaml'), v1);
    expect(findManifest(join(dir, 'app', 'src', 'routes'))).toBe(join(dir, 'app', 'fleet.routes.yaml'));
  });
  it('stops at the repository root', () => {
    mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
    mkdirSync(join(dir, 'repo', 'src'), { recursive: true });
    writeFileSync(join(dir, 'fleet.routes.yaml'), v1);
    expect(findManifest(join(dir, 'repo', 'src'))).toBeUndefined();
  });
  it('finds a manifest at the repository root itself', () => {
    mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
    mkdirSync(join(dir, 'repo', 'src'), { recursive: true });
    writeFileSync(join(dir, 'repo', 'fleet.routes.yaml'), v1);
    expect(findManifest(join(dir, 'repo', 'src'))).toBe(join(dir, 'repo', 'fleet.routes.yaml'));
  });
});
