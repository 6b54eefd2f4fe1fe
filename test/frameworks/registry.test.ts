/**
 * The registry is the one list of frameworks: every folder under `src/frameworks/` is registered,
 * and everything that lists frameworks (settings, detector order, path syntax, module facts,
 * the `fleet routes` pre-filter, the README) follows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizePath } from 'fleet-routes';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_NAMES, FRAMEWORKS, frameworkNamed } from '../../src/frameworks/index.js';
import { detectors } from '../../src/handlers/detectors/index.js';
import { detectHeuristic } from '../../src/handlers/detectors/heuristic.js';
import { detectRegistrationHelpers } from '../../src/handlers/detectors/registration-helpers.js';
import { MAY_ROUTE } from '../../src/routes/may-route.js';
import { readFleetSettings } from '../../src/settings.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the framework registry', () => {
  it('lists every folder under src/frameworks/, by its folder name', () => {
    const folders = readdirSync(path.join(root, 'src/frameworks'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect([...FRAMEWORK_NAMES].sort()).toEqual(folders);
  });

  it('gives settings.fleet.frameworks its default and its accepted values', () => {
    expect(readFleetSettings({}).frameworks).toEqual(FRAMEWORK_NAMES);
    for (const name of FRAMEWORK_NAMES) expect(readFleetSettings({ frameworks: [name] }).frameworks).toEqual([name]);
    expect(() => readFleetSettings({ frameworks: ['flask'] })).toThrow(`write framework names from ${FRAMEWORK_NAMES.join(', ')}.`);
  });

  it('runs the detectors in registry order, then registration helpers, the heuristic last', () => {
    expect(detectors).toEqual([...FRAMEWORKS.map((framework) => framework.detect), detectRegistrationHelpers, detectHeuristic]);
  });

  it('gives every framework a path syntax the manifest understands', () => {
    for (const name of FRAMEWORK_NAMES) {
      const syntax = frameworkNamed(name).pathSyntax;
      const written = syntax === 'next' ? '/users/[id]' : '/users/:id';
      expect(normalizePath(written, syntax), name).toEqual(expect.objectContaining({ ok: true, paths: ['/users/{id}'] }));
    }
  });

  it('keeps a file that names only a framework package in the fleet routes pre-filter', () => {
    for (const framework of FRAMEWORKS) {
      for (const word of framework.mayRoute) expect(MAY_ROUTE.test(`import x from '${word}';`), word).toBe(true);
    }
    expect(MAY_ROUTE.test(`import { Elysia } from 'elysia';\nnew Elysia().ws('/live', {});`)).toBe(true);
    expect(MAY_ROUTE.test(`import { z } from 'zod';\nconst user = z.object({});`)).toBe(false);
  });

  it('names every prefix and dispatch method, and the module facts name none of them', () => {
    const methods = FRAMEWORKS.flatMap((framework) => {
      const prefixes = framework.prefixMethods;
      return [...(prefixes?.deriving ?? []), ...(prefixes?.setting?.methods ?? []), ...(framework.dispatchMethods ?? [])];
    });
    expect(methods.sort()).toEqual(['basePath', 'middleware', 'prefix', 'routes']);
    const folder = path.join(root, 'src/routes/module-facts');
    for (const file of readdirSync(folder)) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      for (const method of methods) {
        expect(text, `${file} compares a method name with ${method}`).not.toMatch(
          new RegExp(`(?:method|property\\.name) [!=]== '${method}'`),
        );
      }
    }
  });

  it('is named in the README list of frameworks whose handlers are recognised', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8').replaceAll('\n', ' ');
    const sentence = /Handlers are recognised in (.*?) code/.exec(readme)?.[1] ?? '';
    for (const framework of FRAMEWORKS.filter((f) => f.name !== 'custom')) expect(sentence, framework.title).toContain(framework.title);
  });
});
