import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
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
});
