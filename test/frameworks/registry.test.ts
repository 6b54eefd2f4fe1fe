/**
 * The registry is the one list of frameworks: every folder under `src/frameworks/` is registered,
 * and everything that lists frameworks (settings, detector order, path syntax, module facts,
 * the `fleet routes` pre-filter, the README) follows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizePath } from 'fleet-routes';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { FrameworkDefinition } from '../../src/frameworks/framework.js';
import { FRAMEWORK_NAMES, FRAMEWORKS, frameworkNamed } from '../../src/frameworks/index.js';
import { detectors } from '../../src/handlers/detectors/index.js';
import { detectHeuristic } from '../../src/handlers/detectors/heuristic.js';
import { detectRegistrationHelpers } from '../../src/handlers/detectors/registration-helpers.js';
import { DECORATORS, MAY_ROUTE, MOUNTS, ROUTE_OBJECTS, VERBS } from '../../src/routes/may-route.js';
import { readFleetSettings } from '../../src/settings.js';

const root = path.resolve(import.meta.dirname, '../..');
const registry: readonly FrameworkDefinition[] = FRAMEWORKS;

/** Every method name the registry declares: mount, prefix, dispatch, app-call and pre-filter methods. */
const METHODS = new Set(
  registry.flatMap((framework) => [
    ...(framework.mountMethods ?? []).map((mount) => mount.method),
    ...(framework.prefixMethods?.deriving ?? []),
    ...(framework.prefixMethods?.setting?.methods ?? []),
    ...(framework.dispatchMethods ?? []),
    ...(framework.appCalls?.methods ?? []),
    ...(framework.registrationCalls?.mounts ?? []),
    ...(framework.registrationCalls?.routeObjects ?? []),
  ]),
);
/** Every package and framework name the registry declares. */
const PACKAGES = new Set(
  registry.flatMap((framework) => [
    framework.name,
    ...framework.mayRoute,
    ...(framework.prefixMethods?.packages ?? []),
    ...(framework.mounts?.packages ?? []),
    ...(framework.mountWrappers ?? []),
    ...(framework.contextSharingWrappers ?? []),
  ]),
);
PACKAGES.delete('custom');

/**
 * Where a module of generic route code names a framework: a string literal that is a registered
 * method (unless compared with a `.kind`, where `'route'` is a handler kind) or a registered
 * package or framework name, or a regular expression or template text that holds a package name.
 * Comments are free to name anything.
 */
function frameworkNames(file: string, text: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const packageWord = new RegExp(
    `(?<![\\w-])(?:${[...PACKAGES].map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?![\\w-])`,
  );
  const visit = (node: ts.Node): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const other = ts.isBinaryExpression(node.parent) ? (node.parent.left === node ? node.parent.right : node.parent.left) : undefined;
      const kindComparison = other !== undefined && /\.kind$/.test(other.getText());
      if (PACKAGES.has(node.text) || (METHODS.has(node.text) && !kindComparison)) found.push(`${file}:${line} '${node.text}'`);
      else if (!ts.isImportDeclaration(node.parent) && packageWord.test(node.text)) found.push(`${file}:${line} ${node.getText()}`);
    } else if (node.kind === ts.SyntaxKind.RegularExpressionLiteral || ts.isTemplateLiteralToken(node)) {
      // `\bfastify\s`: an escape is no part of the word next to it.
      if (packageWord.test(node.getText().replace(/\\[a-zA-Z]/g, ' '))) found.push(`${file}:${line} ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

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

  it('declares every shared mount method alike, and the pre-filter words the filter always read', () => {
    const byMethod = new Map<string, unknown>();
    for (const framework of registry) {
      for (const mount of framework.mountMethods ?? []) {
        if (byMethod.has(mount.method)) expect(mount, `${framework.name}: ${mount.method}`).toEqual(byMethod.get(mount.method));
        else byMethod.set(mount.method, mount);
      }
    }
    expect([...byMethod.keys()].sort()).toEqual(['register', 'route', 'use']);
    expect([...MOUNTS].sort()).toEqual(['group', 'guard', 'mount', 'register', 'use']);
    expect([...ROUTE_OBJECTS].sort()).toEqual(['method', 'openapi', 'route', 'ws']);
    // The route methods and class decorators, from each detector's own list: the set the pre-filter had by hand.
    expect([...VERBS].sort()).toEqual([
      'all',
      'del',
      'delete',
      'get',
      'head',
      'on',
      'options',
      'patch',
      'post',
      'propfind',
      'put',
      'search',
    ]);
    expect([...DECORATORS]).toEqual(['Controller']);
  });

  it('finds a framework method or package named in generic route code', () => {
    expect(frameworkNames('a.ts', "if (method === 'register') f();")).toEqual(["a.ts:1 'register'"]);
    expect(frameworkNames('a.ts', "const x = imports.get(n)?.specifier === 'koa-mount';")).toEqual(["a.ts:1 'koa-mount'"]);
    expect(frameworkNames('a.ts', 'const r = /fastify\\s+start/;')).toEqual(['a.ts:1 /fastify\\s+start/']);
    expect(frameworkNames('a.ts', "const n = ['use', 'setGlobalPrefix'];")).toEqual(["a.ts:1 'use'", "a.ts:1 'setGlobalPrefix'"]);
    expect(
      frameworkNames('a.ts', "// app.register(plugin) of fastify\nif (handler.kind === 'route') f('use server', 'fastify-plugin-ish');"),
    ).toEqual([]);
  });

  it('keeps every framework method and package out of the generic route code (src/routes/)', () => {
    const folder = path.join(root, 'src/routes');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => frameworkNames(file, readFileSync(path.join(folder, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('is named in the README list of frameworks whose handlers are recognised', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8').replaceAll('\n', ' ');
    const sentence = /Handlers are recognised in (.*?) code/.exec(readme)?.[1] ?? '';
    for (const framework of FRAMEWORKS.filter((f) => f.name !== 'custom')) expect(sentence, framework.title).toContain(framework.title);
  });
});
