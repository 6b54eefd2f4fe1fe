/**
 * Loading the ESLint plugin must not load ts-morph or jscodeshift: editors load the plugin on
 * every keystroke's lint, and the codemod's toolkit is only for `fleet codemod`. A child process
 * records every module the built plugin entry resolves (ESM imports and CommonJS requires).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** URLs of every module `entry` (relative to the root) loads. */
function loadedModules(entry: string): string[] {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = new Set();
    registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); seen.add(result.url); return result; } });
    await import(${JSON.stringify(pathToFileURL(path.join(ROOT, entry)).href)});
    process.stdout.write(JSON.stringify([...seen]));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

const heavy = (urls: readonly string[]) => urls.filter((url) => /\/node_modules\/(?:ts-morph|@ts-morph|jscodeshift|recast)\//.test(url));

beforeAll(() => {
  const built = path.join(ROOT, 'dist/src/index.js');
  const source = Math.max(
    statSync(path.join(ROOT, 'src/index.ts')).mtimeMs,
    statSync(path.join(ROOT, 'codemods/spawn-to-taskspec/run.ts')).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= source) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    // Type errors elsewhere do not stop tsc from emitting; the module graph is what is tested.
  }
}, 120_000);

describe('module graph', () => {
  it('the plugin entry (what `eslint-plugin-fleet` resolves to) loads neither ts-morph nor jscodeshift', () => {
    const urls = loadedModules('dist/src/index.js');
    expect(urls.some((url) => url.endsWith('/dist/rules/index.js'))).toBe(true);
    expect(heavy(urls)).toEqual([]);
  });

  it('the CLI entry loads neither until a codemod runs', () => {
    expect(heavy(loadedModules('dist/src/cli/main.js'))).toEqual([]);
  });

  it('the codemod itself does load ts-morph (so the checks above can fail)', () => {
    expect(heavy(loadedModules('dist/codemods/spawn-to-taskspec/run.js')).length).toBeGreaterThan(0);
  });
});
