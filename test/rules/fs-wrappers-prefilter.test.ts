import { describe, expect, it } from 'vitest';
import { mayWrapFs } from '../../rules/no-workspace-fs-in-serve-route/fs-wrappers.js';

describe('the text test before a module is parsed for fs wrappers', () => {
  it('keeps a module that imports an fs module', () => {
    expect(mayWrapFs("import { readFile } from 'node:fs/promises';\nexport const read = (p) => readFile(p);\n")).toBe(true);
    expect(mayWrapFs("const fs = require('fs-extra');\n")).toBe(true);
  });

  it('keeps a module that makes an instance of a class that may be a project class', () => {
    expect(mayWrapFs("import LocalStorage from './local-storage.js';\nexport default new LocalStorage();\n")).toBe(true);
    expect(mayWrapFs('export const storage = cond ? new S3Storage() : new DiskStorage();\n')).toBe(true);
    // A name that only starts or ends like a built-in is not one.
    expect(mayWrapFs('export const m = new Mapper();\n')).toBe(true);
    expect(mayWrapFs('export const r = new ErrorReporter();\n')).toBe(true);
  });

  it('skips a module whose only `new` are built-ins and error classes (a typical service)', () => {
    const service = `
import { db } from '../db.js';
import { NotFoundError } from '../errors.js';
export async function get(id) {
  const row = await db.find(id);
  if (!row) throw new NotFoundError('users', id);
  if (row.bad) throw new Error('bad row');
  return { ...row, seen: new Date(0), tags: new Set(row.tags), index: new Map(), bytes: new Uint8Array(4), big: new BigInt64Array(1) };
}
`;
    expect(mayWrapFs(service)).toBe(false);
  });
});
