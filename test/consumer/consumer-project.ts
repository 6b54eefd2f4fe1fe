/**
 * Helpers for the consumer tests: pack Fleet's three packages as `npm publish` would, install them
 * into throw-away projects together with real registry dependencies, and run the user's commands
 * (`npx eslint`, `npx fleet`) there. Nothing here touches this repository's own node_modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The three published packages, by directory in this repository. */
export const PACKAGE_DIRS = ['.', 'manifest', 'runtime'] as const;

/** One finished command. */
export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment for commands run in a consumer project: this process's, without the `npm_*`
 * variables that `npm test` sets (they would make a nested `npm install` act on this repository's
 * workspace). PATH keeps this repository's `node_modules/.bin` so `node` is the pinned Node 24.
 */
function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_')) env[key] = value;
  }
  env['NO_UPDATE_NOTIFIER'] = '1';
  return env;
}

/** Runs `command args` in `cwd`, capturing output; never throws on a non-zero exit. */
export function run(command: string, args: readonly string[], cwd: string, timeoutMs = 300_000): Run {
  const result = spawnSync(command, args, { cwd, env: consumerEnv(), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like `run`, but throws with the command's output when it fails. */
export function runOk(command: string, args: readonly string[], cwd: string, timeoutMs?: number): Run {
  const result = run(command, args, cwd, timeoutMs);
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited ${String(result.status)}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/**
 * Packs the three packages into `destination` without running their build scripts (the build is
 * what `npm ci` already produced: rebuilding here would rewrite `dist/` under other test files).
 * Returns the tarball paths by package name.
 */
export function packAll(destination: string): Map<string, string> {
  const tarballs = new Map<string, string>();
  mkdirSync(destination, { recursive: true });
  for (const dir of PACKAGE_DIRS) {
    const cwd = path.join(repoRoot, dir);
    const pkg = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { name: string; main?: string };
    if (pkg.main && !existsSync(path.join(cwd, pkg.main))) {
      throw new Error(`${pkg.name} is not built (${pkg.main} is missing): run \`npm run build\` (npm ci does) before these tests.`);
    }
    const packed = runOk('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], cwd);
    const [info] = JSON.parse(packed.stdout) as [{ filename: string }];
    tarballs.set(pkg.name, path.join(destination, info.filename));
  }
  return tarballs;
}

/** A new empty directory under the system temp dir. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Creates a consumer project: `package.json` with `type: module` plus `files`. */
export function writeProject(root: string, files: Readonly<Record<string, string>>): void {
  writeFileSync(
    path.join(root, 'package.json'),
    `${JSON.stringify({ name: path.basename(root).toLowerCase(), version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** `npm install` in `root` (registry packages by spec, tarballs by path). */
export function npmInstall(root: string, specs: readonly string[], dev = false): void {
  runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...(dev ? ['--save-dev'] : []), ...specs], root, 600_000);
}
