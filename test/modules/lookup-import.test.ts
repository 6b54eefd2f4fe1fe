import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { beginFile } from '../../src/modules/file-stats.js';
import { lookupImport } from '../../src/modules/lookup-import.js';
import { clearModuleSummaryCache, moduleSummaryCacheSize, moduleSummaryOf } from '../../src/modules/module-summary-cache.js';

const FROM = path.resolve(import.meta.dirname, '../fixtures/modules/routes/users.ts');
const ASYNC = { kind: 'function', returnsPromise: true };
const SYNC = { kind: 'function', returnsPromise: false };
const TMP = mkdtempSync(path.join(os.tmpdir(), 'fleet-modules-'));

beforeEach(() => {
  clearModuleSummaryCache();
});

afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
});

describe('lookupImport', () => {
  it('finds named exports, directly and through export * / export { x } from barrels', () => {
    expect(lookupImport(FROM, { module: '../services/mailer.js', name: 'sendWelcomeEmail', members: [] })).toEqual(ASYNC);
    expect(lookupImport(FROM, { module: '../services', name: 'sendWelcomeEmail', members: [] })).toEqual(ASYNC);
    expect(lookupImport(FROM, { module: '../services', name: 'formatAddress', members: [] })).toEqual(SYNC);
    expect(lookupImport(FROM, { module: '../services/mailer.js', name: 'sendRaw', members: [] })).toEqual(ASYNC);
    expect(lookupImport(FROM, { module: '../services/mailer.js', name: 'sendReceipt', members: [] })).toEqual(ASYNC);
  });

  it('finds members of namespaces, including export * as ns', () => {
    expect(lookupImport(FROM, { module: '../services/jobs.js', name: '*', members: ['enqueueReport'] })).toEqual(ASYNC);
    expect(lookupImport(FROM, { module: '../services', name: 'jobs', members: ['enqueueReport'] })).toEqual(ASYNC);
    expect(lookupImport(FROM, { module: '../services', name: 'jobs', members: ['jobName'] })).toEqual(SYNC);
  });

  it('folds CommonJS interop: require().x, default import + member, named import of module.exports members', () => {
    expect(lookupImport(FROM, { module: '../services/legacy.cjs', name: '*', members: ['sendWelcome'] })).toEqual(ASYNC);
    expect(lookupImport(FROM, { module: '../services/legacy.cjs', name: 'default', members: ['format'] })).toEqual(SYNC);
    expect(lookupImport(FROM, { module: '../services/legacy.cjs', name: 'sendWelcome', members: [] })).toEqual(ASYNC);
    expect(lookupImport(FROM, { module: '../services/audit.cjs', name: 'default', members: ['record'] })).toEqual(ASYNC);
  });

  it('finds queue instances, class statics and default-export object methods', () => {
    expect(lookupImport(FROM, { module: '../services', name: 'boss', members: [] })).toEqual({
      kind: 'instance',
      of: { module: 'pg-boss', path: ['PgBoss'] },
    });
    expect(lookupImport(FROM, { module: '../services/mailer-class.js', name: 'MailerService', members: ['ping'] })).toEqual(ASYNC);
    expect(lookupImport(FROM, { module: '../services/mailer-object.js', name: 'default', members: ['send'] })).toEqual(ASYNC);
  });

  it('knows nothing about packages, missing modules and missing exports', () => {
    expect(lookupImport(FROM, { module: 'pg-boss', name: 'PgBoss', members: [] })).toBeUndefined();
    expect(lookupImport(FROM, { module: '../services/missing.js', name: 'send', members: [] })).toBeUndefined();
    expect(lookupImport(FROM, { module: '../services/mailer.js', name: 'nothing', members: [] })).toBeUndefined();
  });

  it('stops following re-exports in a cycle', () => {
    writeFileSync(path.join(TMP, 'a.ts'), "export * from './b.js';\n");
    writeFileSync(path.join(TMP, 'b.ts'), "export * from './a.js';\n");
    expect(lookupImport(path.join(TMP, 'main.ts'), { module: './a.js', name: 'send', members: [] })).toBeUndefined();
  });
});

describe('moduleSummaryOf', () => {
  it('parses a module once and again only when its mtime or size changes', () => {
    const file = path.join(TMP, 'mailer.ts');
    writeFileSync(file, 'export async function send() {}\n');
    const first = moduleSummaryOf(file);
    expect(moduleSummaryOf(file)).toBe(first);
    writeFileSync(file, 'export function send() { return 1; }\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    beginFile({}); // the host lints another file: the change is seen
    expect(moduleSummaryOf(file)?.exports.get('send')).toEqual(SYNC);
    expect(moduleSummaryCacheSize()).toBe(1);
  });

  it('treats a module that does not parse or cannot be read as unknown, without throwing', () => {
    const broken = path.join(TMP, 'broken.ts');
    writeFileSync(broken, 'export async function send( {\n');
    expect(moduleSummaryOf(broken)).toBeUndefined();
    expect(moduleSummaryOf(path.join(TMP, 'absent.ts'))).toBeUndefined();
    expect(moduleSummaryOf(TMP)).toBeUndefined();
    expect(lookupImport(path.join(TMP, 'main.ts'), { module: './broken.js', name: 'send', members: [] })).toBeUndefined();
  });

  it('clearModuleSummaryCache forgets every summary', () => {
    moduleSummaryOf(path.join(path.dirname(FROM), '../services/jobs.ts'));
    expect(moduleSummaryCacheSize()).toBe(1);
    clearModuleSummaryCache();
    expect(moduleSummaryCacheSize()).toBe(0);
  });
});
