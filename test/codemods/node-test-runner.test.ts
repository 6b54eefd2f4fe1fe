/**
 * A project that tests with `node:test` (a `node --test` script, no vitest or jest) gets
 * node:test executor tests: the Express sample app, so migrated, compiles, and its generated
 * tests pass under `node --test --experimental-test-module-mocks`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, copyApp, migrate, removeCopies } from './e2e-helpers.js';

afterAll(removeCopies);

describe('spawn-to-taskspec executor tests for node:test', () => {
  it('writes node:test tests that compile and pass', async () => {
    const app = copyApp('express');
    const manifest = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    delete manifest.devDependencies['vitest'];
    manifest.scripts['test'] = 'node --test --experimental-test-module-mocks "dist/**/*.test.js"';
    writeFileSync(path.join(app, 'package.json'), JSON.stringify(manifest, null, 2));

    const run = await migrate(app, 'src');
    expect(run.sites.filter((site) => site.includes(' rewritten '))).toHaveLength(3);
    const test = readFileSync(path.join(app, 'src/executors/send-welcome-email.test.ts'), 'utf8');
    expect(test).toContain("import { before, describe, it, mock } from 'node:test';");
    expect(test).toContain("mock.module('../services/mail.js', { namedExports: { sendWelcomeEmail } });");

    const compiled = compile(app);
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);

    const tests = spawnSync(process.execPath, ['--test', '--experimental-test-module-mocks', 'dist/executors/*.test.js'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(tests.stdout).toMatch(/ℹ tests 9\n/);
    expect(tests.stdout).toMatch(/ℹ pass 9\n/);
    expect(tests.status).toBe(0);
  }, 300_000);
});
