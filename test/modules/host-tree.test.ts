import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import ts from 'typescript';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { beginFile } from '../../src/modules/file-stats.js';
import { clearModuleSources, moduleParseCount, setHostFile } from '../../src/modules/module-source.js';
import { clearModuleSummaryCache, moduleSummaryOf } from '../../src/modules/module-summary-cache.js';

const dir = mkdtempSync(path.join(tmpdir(), 'fleet-host-tree-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  clearModuleSources();
  clearModuleSummaryCache();
});

/** What typescript-eslint's parser gives ESLint for `text`: the TypeScript tree behind the ESTree program. */
function hostTree(file: string, text: string): () => unknown {
  const { ast, services } = parseForESLint(text, { filePath: file, range: true, loc: true });
  return () => services.esTreeNodeToTSNodeMap.get(ast);
}

describe("the host's tree of the linted file", () => {
  it('is used when a reader asks about the linted file itself: no second parse', () => {
    const file = path.join(dir, 'users.router.ts');
    const text = 'export async function list() { return []; }\n';
    writeFileSync(file, text);
    beginFile({});
    setHostFile(file, text, hostTree(file, text));
    const before = moduleParseCount();
    expect(moduleSummaryOf(file)?.exports.get('list')).toEqual({ kind: 'function', returnsPromise: true });
    expect(moduleParseCount()).toBe(before);
  });

  it('is not used when the file on disk has other text (an unsaved editor buffer): the disk version is parsed', () => {
    const file = path.join(dir, 'orders.router.ts');
    writeFileSync(file, 'export function list() { return 1; }\n');
    const buffer = 'export async function list() { return []; }\n';
    beginFile({});
    setHostFile(file, buffer, hostTree(file, buffer));
    const before = moduleParseCount();
    expect(moduleSummaryOf(file)?.exports.get('list')).toEqual({ kind: 'function', returnsPromise: false });
    expect(moduleParseCount()).toBe(before + 1);
  });

  it('is not used for another file, nor when the host gave no TypeScript tree (oxlint, espree)', () => {
    const file = path.join(dir, 'a.ts');
    const other = path.join(dir, 'b.ts');
    writeFileSync(file, 'export const a = 1;\n');
    writeFileSync(other, 'export const b = 1;\n');
    beginFile({});
    setHostFile(file, 'export const a = 1;\n', () => ({ type: 'Program' }));
    const before = moduleParseCount();
    moduleSummaryOf(file);
    moduleSummaryOf(other);
    expect(moduleParseCount()).toBe(before + 2);
  });

  it("uses another file's tree from the host's type-aware program when its text is the text on disk", () => {
    const linted = path.join(dir, 'server.ts');
    const service = path.join(dir, 'mailer.ts');
    const stale = path.join(dir, 'stale.ts');
    writeFileSync(linted, 'export {};\n');
    writeFileSync(service, 'export async function send() {}\n');
    writeFileSync(stale, 'export function later() { return 1; }\n');
    const trees = new Map([
      [service, ts.createSourceFile(service, 'export async function send() {}\n', ts.ScriptTarget.Latest)],
      // The program holds an older version of this one: the disk version is parsed.
      [stale, ts.createSourceFile(stale, 'export async function later() {}\n', ts.ScriptTarget.Latest)],
    ]);
    beginFile({});
    setHostFile(
      linted,
      'export {};\n',
      () => undefined,
      () => ({ getSourceFile: (file: string) => trees.get(file) }),
    );
    const before = moduleParseCount();
    expect(moduleSummaryOf(service)?.exports.get('send')).toEqual({ kind: 'function', returnsPromise: true });
    expect(moduleParseCount()).toBe(before);
    expect(moduleSummaryOf(stale)?.exports.get('later')).toEqual({ kind: 'function', returnsPromise: false });
    expect(moduleParseCount()).toBe(before + 1);
  });
});
