import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { lookupImport } from '../../src/modules/lookup-import.js';
import { clearModuleSummaryCache } from '../../src/modules/module-summary-cache.js';
import { resolveModule } from '../../src/modules/resolve-module.js';

// A small monorepo on disk: apps/web extends a shared base config; apps/api uses `baseUrl`.
const ROOT = mkdtempSync(path.join(os.tmpdir(), 'fleet-aliases-'));
const WEB = path.join(ROOT, 'apps/web');

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
  writeFileSync(path.join(ROOT, file), text);
}

write(
  'tsconfig.base.json',
  `{
  // comments and trailing commas are allowed in tsconfig files
  "compilerOptions": { "paths": { "@shared/*": ["./packages/shared/src/*"], "@config": ["./packages/shared/src/config.ts"], }, },
}`,
);
write(
  'apps/web/tsconfig.json',
  `{ "extends": "../../tsconfig.base.json", "compilerOptions": { "paths": { "@/*": ["./*"], "@/lib/special/*": ["./special/*"] } } }`,
);
write(
  'apps/web/lib/mailer.ts',
  'export async function sendWelcome(to: string) { return to; }\nexport function format(x: string) { return x; }\n',
);
write('apps/web/special/jobs.ts', 'export const enqueue = async () => 1;\n');
write('apps/web/app/api/route.ts', '');
write('packages/tsconfig.json', '{ "extends": "../tsconfig.base.json" }');
write('packages/shared/src/config.ts', 'export const port = 1;\n');
write('packages/shared/src/queue/index.ts', 'export async function publish() {}\n');
write('apps/api/tsconfig.json', '{ "compilerOptions": { "baseUrl": "src", "paths": { "@api/*": ["./*"] } } }');
write('apps/api/src/mail.service.ts', 'export class MailService { async send() {} }\n');
// NestJS style: `baseUrl: "./"` and no `paths`; services import `src/...`.
write('apps/nest/tsconfig.json', '{ "compilerOptions": { "baseUrl": "./" } }');
write('apps/nest/src/infra/helper.ts', 'export function stopApp() {}\n');
write('apps/nest/src/admin/infra.resolver.ts', '');

const FROM = path.join(WEB, 'app/api/route.ts');

beforeEach(() => {
  clearModuleSummaryCache();
});

afterAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
});

describe('resolveModule', () => {
  it('resolves `paths` aliases of the nearest tsconfig.json against its baseUrl', () => {
    expect(resolveModule(path.join(ROOT, 'apps/api/src/x.ts'), '@api/mail.service')).toBe(path.join(ROOT, 'apps/api/src/mail.service.ts'));
  });

  it('resolves targets relative to the declaring config without baseUrl, lets the child override, picks the longest prefix', () => {
    expect(resolveModule(FROM, '@/lib/mailer')).toBe(path.join(WEB, 'lib/mailer.ts'));
    expect(resolveModule(FROM, '@/lib/special/jobs')).toBe(path.join(WEB, 'special/jobs.ts'));
    // The child's `paths` replace the parent's entirely, as in TypeScript.
    expect(resolveModule(FROM, '@shared/queue')).toBeUndefined();
    expect(resolveModule(path.join(ROOT, 'packages/x.ts'), '@shared/queue')).toBe(path.join(ROOT, 'packages/shared/src/queue/index.ts'));
    expect(resolveModule(path.join(ROOT, 'packages/x.ts'), '@config')).toBe(path.join(ROOT, 'packages/shared/src/config.ts'));
  });

  it('resolves a non-relative specifier against baseUrl alone, for the entries of the baseUrl folder only', () => {
    const resolver = path.join(ROOT, 'apps/nest/src/admin/infra.resolver.ts');
    expect(resolveModule(resolver, 'src/infra/helper')).toBe(path.join(ROOT, 'apps/nest/src/infra/helper.ts'));
    expect(resolveModule(resolver, 'src/infra/missing')).toBeUndefined();
    expect(resolveModule(resolver, '@nestjs/common')).toBeUndefined();
  });

  it('returns undefined for packages, node: builtins and aliases whose target does not exist', () => {
    expect(resolveModule(FROM, 'express')).toBeUndefined();
    expect(resolveModule(FROM, 'node:fs')).toBeUndefined();
    expect(resolveModule(FROM, '@/lib/missing')).toBeUndefined();
  });
});

describe('lookupImport through aliases', () => {
  it('summarises exports of a module imported through an alias', () => {
    expect(lookupImport(FROM, { module: '@/lib/mailer', name: 'sendWelcome', members: [] })).toEqual({
      kind: 'function',
      returnsPromise: true,
    });
    expect(lookupImport(FROM, { module: '@/lib/mailer', name: 'format', members: [] })).toEqual({
      kind: 'function',
      returnsPromise: false,
    });
  });
});
