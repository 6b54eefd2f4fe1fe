import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appendDeclarations, parseManifest, type ManifestResult, type NewDeclaration } from '../src/index.js';
import { parseManifestYaml } from '../src/parse-manifest/parse-manifest.js';
import { readCanonical } from '../src/parse-manifest/read-canonical.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What a caller can observe of a result: the manifest, or the issues and the message. */
function observed(result: ManifestResult): unknown {
  return result.ok ? { ok: true, manifest: result.manifest } : { ok: false, issues: result.error.issues, message: result.error.message };
}

function expectSameAsYaml(source: string): void {
  expect(observed(parseManifest(source, 'm.yaml'))).toEqual(observed(parseManifestYaml(source, 'm.yaml')));
}

/** Every `fleet.routes.yaml` of the repository's fixtures and tests. */
function manifestsIn(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...manifestsIn(full));
    else if (name.endsWith('.yaml') && name.includes('routes')) found.push(full);
  }
  return found;
}

describe('readCanonical (the manifest fast path)', () => {
  const fixtures = ['fixtures', 'test', 'runtime/test'].flatMap((dir) => manifestsIn(path.join(repo, dir)));

  it('finds the repository manifests to compare', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures.map((file) => [path.relative(repo, file)]))('%s: parseManifest equals the YAML library alone', (file) => {
    expectSameAsYaml(readFileSync(path.join(repo, file), 'utf8'));
  });

  it('reads the sample apps’ manifests itself (they are in the layout Fleet writes)', () => {
    for (const app of ['express', 'fastify', 'koa', 'hono', 'nestjs']) {
      const source = readFileSync(path.join(repo, 'fixtures/apps', app, 'fleet.routes.yaml'), 'utf8');
      expect(readCanonical(source), app).toBeDefined();
    }
  });

  it('reads what appendDeclarations writes, 2,000 routes, with the same result as YAML', () => {
    const declarations: NewDeclaration[] = [];
    for (let i = 0; i < 500; i += 1) {
      declarations.push(
        { method: '*', path: `/orders${i}/{*rest}`, role: 'fleet-ok' },
        { method: 'get', path: `/api/orders${i}/{id}`, role: 'fleet-ok', reason: 'a database read' },
        { method: 'POST', path: `/orders${i}/{id}/export`, role: 'ide-only', reason: 'exports are built from workspace files' },
        { method: 'DELETE', path: `/orders${i}`, role: 'ide-only', reason: 'unreviewed' },
      );
    }
    const source = appendDeclarations('', declarations);
    const fast = readCanonical(source);
    expect(fast).toHaveLength(2000);
    expect(fast![1]).toMatchObject({ method: 'GET', path: '/api/orders0/{id}', role: 'fleet-ok', reason: 'a database read', index: 1 });
    expect(fast![1]!.position).toEqual({ line: 4, column: 5 });
    expectSameAsYaml(source);
    // Appending to an existing manifest keeps the layout.
    expectSameAsYaml(appendDeclarations(`# roles\n${source}`, [{ method: 'GET', path: '/x', role: 'fleet-ok' }]));
  });

  // Each text either is read by the fast path with YAML's meaning, or is left to YAML.
  const cases: [string, string, boolean][] = [
    [
      'canonical with comments',
      'version: 1 # v\n# routes\nroutes:   # list\n  - { method: GET, path: /a, role: fleet-ok }  # one\n\n  # two\n  - { method: "*", path: "/b/{*rest}", role: ide-only, reason: reads files }\n',
      true,
    ],
    ['routes before version', 'routes:\n- { method: GET, path: /a, role: fleet-ok }\nversion: 1\n', true],
    ['items at column 0', 'version: 1\nroutes:\n- { method: GET, path: /a, role: fleet-ok }\n', true],
    ['empty routes', 'version: 1\nroutes:\n', true],
    ['no space after commas', 'version: 1\nroutes:\n  - {method: GET,path: /a,role: fleet-ok}\n', true],
    ['keys in another order', 'version: 1\nroutes:\n  - { role: fleet-ok, path: /a, method: post }\n', true],
    [
      'a reason with an apostrophe',
      "version: 1\nroutes:\n  - { method: GET, path: /a, role: ide-only, reason: it's the checkout }\n",
      true,
    ],
    [
      'a quoted reason with spaces around',
      'version: 1\nroutes:\n  - { method: GET, path: /a, role: ide-only, reason: "  padded  " }\n',
      true,
    ],
    [
      'mixed indentation',
      'version: 1\nroutes:\n  - { method: GET, path: /a, role: fleet-ok }\n    - { method: GET, path: /b, role: fleet-ok }\n',
      false,
    ],
    ['a duplicate key', 'version: 1\nroutes:\n  - { method: GET, method: POST, path: /a, role: fleet-ok }\n', false],
    ['an unknown key', 'version: 1\nroutes:\n  - { verb: GET, path: /a, role: fleet-ok }\n', false],
    ['a null value', 'version: 1\nroutes:\n  - { method: GET, path: /a, role: fleet-ok, reason: null }\n', false],
    ['a boolean role', 'version: 1\nroutes:\n  - { method: GET, path: /a, role: true }\n', false],
    ['a number reason', 'version: 1\nroutes:\n  - { method: GET, path: /a, role: ide-only, reason: 42 }\n', false],
    ['an escape in a quoted value', 'version: 1\nroutes:\n  - { method: GET, path: "/a\\u0062", role: fleet-ok }\n', false],
    ['a single-quoted value', "version: 1\nroutes:\n  - { method: GET, path: '/a', role: fleet-ok }\n", false],
    ['a colon in a plain value', 'version: 1\nroutes:\n  - { method: GET, path: /a/:id, role: fleet-ok }\n', false],
    ['a hash without a space', 'version: 1\nroutes:\n  - { method: GET, path: /a, role: fleet-ok }#x\n', false],
    ['a trailing comma', 'version: 1\nroutes:\n  - { method: GET, path: /a, role: fleet-ok, }\n', false],
    ['a block mapping item', 'version: 1\nroutes:\n  - method: GET\n    path: /a\n    role: fleet-ok\n', false],
    ['a flow list', 'version: 1\nroutes: [{ method: GET, path: /a, role: fleet-ok }]\n', false],
    ['CRLF line ends', 'version: 1\r\nroutes:\r\n  - { method: GET, path: /a, role: fleet-ok }\r\n', false],
    ['a tab', 'version: 1\nroutes:\n  - { method:\tGET, path: /a, role: fleet-ok }\n', false],
    ['a byte-order mark', '\uFEFFversion: 1\nroutes:\n  - { method: GET, path: /a, role: fleet-ok }\n', false],
    ['version 2', 'version: 2\nroutes:\n  - { method: GET, path: /a, role: fleet-ok }\n', false],
    ['version twice', 'version: 1\nversion: 1\nroutes:\n', false],
    ['no version', 'routes:\n  - { method: GET, path: /a, role: fleet-ok }\n', false],
    ['an item outside routes', 'version: 1\n  - { method: GET, path: /a, role: fleet-ok }\nroutes:\n', false],
    ['a document marker', '---\nversion: 1\nroutes:\n', false],
    ['an ide-only route without a reason', 'version: 1\nroutes:\n  - { method: GET, path: /a, role: ide-only }\n', false],
    ['an empty quoted reason', 'version: 1\nroutes:\n  - { method: GET, path: /a, role: ide-only, reason: "" }\n', false],
    ['an unknown method', 'version: 1\nroutes:\n  - { method: FETCH, path: /a, role: fleet-ok }\n', false],
    ['an invalid path', 'version: 1\nroutes:\n  - { method: GET, path: /a/, role: fleet-ok }\n', false],
    [
      'a conflict',
      'version: 1\nroutes:\n  - { method: GET, path: /a, role: fleet-ok }\n  - { method: GET, path: /a, role: fleet-ok }\n',
      true,
    ],
    ['an unclosed mapping', 'version: 1\nroutes:\n  - { method: GET, path: /a, role: fleet-ok\n', false],
  ];

  it.each(cases)('%s: same result as YAML', (_name, source, fast) => {
    expect(readCanonical(source) !== undefined).toBe(fast);
    expectSameAsYaml(source);
  });

  it('gives YAML’s result on 3,000 generated manifests mixing valid and tricky values', () => {
    // A small deterministic generator (mulberry32) so a failure names a reproducible seed.
    let state = 0x5eed;
    const random = (): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    // Mostly the first (valid) choice, so that whole manifests often stay in the fast path.
    const mostly = <T>(items: readonly T[]): T => (random() < 0.85 ? items[0]! : pick(items));
    const methods = ['GET', 'get', 'Post', '"*"', '*', 'FETCH', '"GET"', ' GET', 'null', '~', '"DELETE"', 'PATCH'];
    const paths = [
      '/a',
      '/a/b',
      '"/a/{id}"',
      '/a/{id}',
      '"/a/{*rest}"',
      'a',
      '/a/',
      '"/a?x"',
      '/a b',
      '/a#b',
      '"/a\\"b"',
      "'/a'",
      '/a:b',
      '/á',
      '/a/{id}/{id}',
      '1',
      '""',
    ];
    const roles = ['ide-only', 'fleet-ok', '"ide-only"', 'ide_only', 'true', 'Fleet-ok', '"fleet-ok"', 'null'];
    const reasons = [
      'reads files',
      '"reads files"',
      "it's local",
      '42',
      'null',
      '""',
      '"  x  "',
      'a #b',
      'x: y',
      '"a\\nb"',
      'TRUE',
      '3rd party',
      '_under',
      'yes',
    ];
    const separators = [', ', ',', ' , ', ',  '];
    let fastPath = 0;
    for (let n = 0; n < 3000; n += 1) {
      const indent = mostly(['  ', '  ', '    ', '']);
      const lines = [
        mostly(['version: 1', 'version: 1 # v', 'version:  1', 'version: 1#x', 'version: "1"']),
        pick(['routes:', 'routes: # r', 'routes:  ']),
      ];
      const count = 1 + Math.floor(random() * 4);
      for (let i = 0; i < count; i += 1) {
        const fields = [`method: ${mostly(methods)}`, `path: ${mostly(paths)}`, `role: ${mostly(roles)}`];
        if (random() < 0.6) fields.push(`reason: ${mostly(reasons)}`);
        if (random() < 0.05) fields.push(`path: ${pick(paths)}`);
        if (random() < 0.3) fields.reverse();
        const line = `${indent}- {${pick([' ', '', '  '])}${fields.join(pick(separators))}${pick([' ', '', '  '])}}${pick(['', ' # c', '  ', '#c'])}`;
        lines.push(line);
        if (random() < 0.1) lines.push(pick(['', '# note', `${indent}# note`, '   ']));
      }
      const source = `${lines.join('\n')}\n`;
      if (readCanonical(source) !== undefined) fastPath += 1;
      const result = observed(parseManifest(source, 'm.yaml'));
      const expected = observed(parseManifestYaml(source, 'm.yaml'));
      expect(result, `manifest ${n}:\n${source}`).toEqual(expected);
    }
    // The generator must exercise the fast path, not only the fallback.
    expect(fastPath).toBeGreaterThan(100);
  });
});
