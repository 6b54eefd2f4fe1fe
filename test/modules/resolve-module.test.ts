import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearFileStats } from '../../src/modules/file-stats.js';
import { isRelativeSpecifier, resolveModule, scopedResolver } from '../../src/modules/resolve-module.js';

const PROJECT = path.resolve(import.meta.dirname, '../fixtures/modules');
const FROM = path.join(PROJECT, 'routes/users.ts');
const services = (file: string): string => path.join(PROJECT, 'services', file);

describe('resolveModule', () => {
  it('maps TypeScript ESM specifiers written against the emitted .js file to the .ts source', () => {
    expect(resolveModule(FROM, '../services/mailer.js')).toBe(services('mailer.ts'));
  });

  it('tries the extensions for an extensionless specifier', () => {
    expect(resolveModule(FROM, '../services/mailer')).toBe(services('mailer.ts'));
    expect(resolveModule(FROM, '../services/legacy')).toBe(services('legacy.cjs'));
  });

  it('keeps an existing .js / .cjs file when there is no TypeScript source', () => {
    expect(resolveModule(FROM, '../services/queue.js')).toBe(services('queue.js'));
    expect(resolveModule(FROM, '../services/audit.cjs')).toBe(services('audit.cjs'));
  });

  it('resolves a folder to its index file', () => {
    expect(resolveModule(FROM, '../services')).toBe(services('index.ts'));
  });

  it('returns undefined for packages, missing files and text linted without a file path', () => {
    expect(resolveModule(FROM, 'pg-boss')).toBeUndefined();
    expect(resolveModule(FROM, '../services/missing.js')).toBeUndefined();
    expect(resolveModule('<input>', './mailer')).toBeUndefined();
  });
});

describe('scopedResolver', () => {
  it('answers as resolveModule over the same scope, and again after the remembered answers are dropped', () => {
    const files = new Set([services('mailer.ts'), services('index.ts'), services('legacy.cjs')]);
    const resolve = scopedResolver({ files });
    const asked: [string, string | undefined][] = [
      ['../services/mailer.js', services('mailer.ts')],
      ['../services', services('index.ts')],
      ['../services/legacy', services('legacy.cjs')],
      // On disk, but not in the scope's file list.
      ['../services/queue.js', undefined],
    ];
    for (const [specifier, expected] of asked) {
      expect(resolve(FROM, specifier)).toBe(expected);
      expect(resolve(FROM, specifier)).toBe(resolveModule(FROM, specifier, { files }));
    }
    // Another scope is answered for itself, not from the first one's memo.
    expect(scopedResolver({ files: new Set([services('queue.js')]) })(FROM, '../services/queue.js')).toBe(services('queue.js'));
    clearFileStats();
    expect(resolve(FROM, '../services/mailer.js')).toBe(services('mailer.ts'));
  });
});

describe('isRelativeSpecifier', () => {
  it('accepts only ./ and ../ specifiers', () => {
    expect([isRelativeSpecifier('./x'), isRelativeSpecifier('../x'), isRelativeSpecifier('.'), isRelativeSpecifier('..')]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([isRelativeSpecifier('x'), isRelativeSpecifier('@/lib/db'), isRelativeSpecifier('.x'), isRelativeSpecifier('/abs')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
