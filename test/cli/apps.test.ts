/**
 * End to end on the sample apps: `fleet scan --format json fixtures/apps/<framework>` must report
 * exactly the lines marked `// fleet-expect: <rule>` in the app's sources, no more, no less.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ESLint } from 'eslint';
import { runCli } from './helpers.js';

const APPS = path.resolve(import.meta.dirname, '../../fixtures/apps');
const MARKER = /\/\/ fleet-expect: ([a-z][a-z0-9-]*)\s*$/;
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

/** `file:line fleet/rule` for every marker in the app, sorted. */
function markers(app: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        readFileSync(full, 'utf8')
          .split('\n')
          .forEach((text, index) => {
            const rule = MARKER.exec(text)?.[1];
            if (rule) found.push(`${path.relative(app, full)}:${index + 1} fleet/${rule}`);
          });
      }
    }
  };
  walk(app);
  return found.sort();
}

/** Scans the app through the CLI and returns its findings in the same shape as {@link markers}. */
async function findings(app: string): Promise<{ code: number; reported: string[]; typedFiles: number }> {
  const json = await runCli(['scan', app, '--format', 'json']);
  const text = await runCli(['scan', app]);
  const results = JSON.parse(json.stdout) as ESLint.LintResult[];
  const reported = results
    .flatMap((result) => result.messages.map((m) => `${path.relative(app, result.filePath)}:${m.line} ${m.ruleId ?? 'parse-error'}`))
    .sort();
  const typedFiles = Number(/(\d+) with type information/.exec(text.stdout)?.[1] ?? 0);
  return { code: json.code, reported, typedFiles };
}

// `typedFiles`: the files that hold handlers: a typed scan gives types only to them (issue 9 §9).
async function expectExactlyTheMarkers(framework: string, markerCount: number, typedFiles: number): Promise<void> {
  const app = path.join(APPS, framework);
  const expected = markers(app);
  expect(expected).toHaveLength(markerCount);
  const outcome = await findings(app);
  expect(outcome.reported).toEqual(expected);
  expect(outcome.code).toBe(1);
  expect(outcome.typedFiles).toBe(typedFiles);
}

describe('fleet scan on the sample apps reports exactly the seeded hazards', () => {
  it('express (TypeScript, type-aware)', async () => {
    await expectExactlyTheMarkers('express', 8, 5);
  });

  it('fastify (TypeScript, type-aware)', async () => {
    await expectExactlyTheMarkers('fastify', 6, 3);
  });

  it('koa (JavaScript, no tsconfig: without types)', async () => {
    await expectExactlyTheMarkers('koa', 6, 0);
  });

  it('hono (TypeScript, type-aware)', async () => {
    await expectExactlyTheMarkers('hono', 4, 3);
  });

  it('nestjs (TypeScript, type-aware)', async () => {
    await expectExactlyTheMarkers('nestjs', 5, 3);
  });

  it('nextjs (TypeScript, type-aware)', async () => {
    await expectExactlyTheMarkers('nextjs', 7, 5);
  });

  it('elysia (TypeScript, type-aware)', async () => {
    await expectExactlyTheMarkers('elysia', 5, 4);
  });

  it('sveltekit (TypeScript, type-aware)', async () => {
    await expectExactlyTheMarkers('sveltekit', 3, 4);
  });

  it('nuxt (server/ routes, no tsconfig: without types)', async () => {
    await expectExactlyTheMarkers('nuxt', 3, 0);
  });
});
