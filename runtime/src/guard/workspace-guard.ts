import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentRequestScope } from './request-scope.js';
import { WorkspaceReadError } from './workspace-read-error.js';

// The reads `no-workspace-fs-in-serve-route` reports, by where they live. Writes are not guarded:
// they are a different hazard, and the lint rule does not report them either.
const CALLBACK_AND_SYNC = [
  'readFile',
  'readdir',
  'stat',
  'lstat',
  'access',
  'exists',
  'opendir',
  'realpath',
  'readlink',
  'open',
  'statfs',
  'watch',
  'watchFile',
  'createReadStream',
  'openAsBlob',
  'glob',
];
const SYNC = [
  'readFileSync',
  'readdirSync',
  'statSync',
  'lstatSync',
  'accessSync',
  'existsSync',
  'opendirSync',
  'realpathSync',
  'readlinkSync',
  'openSync',
  'statfsSync',
  'globSync',
];
const PROMISES = ['readFile', 'readdir', 'stat', 'lstat', 'access', 'opendir', 'realpath', 'readlink', 'open', 'statfs', 'watch', 'glob'];

type AnyFunction = (...args: unknown[]) => unknown;

interface Installed {
  readonly root: string;
  /** Role guards sharing these hooks; the originals come back when the last one closes. */
  users: number;
  readonly restore: () => void;
}

// On a global symbol, like the request scope: `fs` is one per process, whichever copy of this
// module (bundler chunks, a dev server re-evaluating modules on reload) installs the hooks.
const key = Symbol.for('fleet-runtime.workspace-guard');
const state = globalThis as { [key]?: Installed };

/**
 * Hook the read functions of `node:fs` and `node:fs/promises` (the same objects `require('fs')`,
 * `fs.promises` and, after `syncBuiltinESMExports`, ESM named imports see). Inside a request scope,
 * a read whose path (or glob pattern / `cwd`) resolves under `root` throws `WorkspaceReadError`
 * (promise functions reject). Outside a request scope (start-up) nothing changes. Returns the
 * function that releases this install; the originals come back when every install is released.
 * Installing again for the same root shares the hooks (a module evaluated twice); another root
 * throws, since one process has one workspace.
 */
export function installWorkspaceGuard(workspaceRoot: string): () => void {
  const root = resolve(workspaceRoot);
  const current = state[key];
  if (current !== undefined && current.root !== root) {
    throw new Error(`Workspace guard: already installed for ${current.root}; one process guards one workspace root (asked for ${root}).`);
  }
  const installed = current ?? (state[key] = { root, users: 0, restore: hookAll(root) });
  installed.users += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    installed.users -= 1;
    if (installed.users > 0) return;
    installed.restore();
    state[key] = undefined;
  };
}

function hookAll(root: string): () => void {
  const undo = [
    ...CALLBACK_AND_SYNC.map((name) => hook(fs as unknown as Record<string, unknown>, name, `fs.${name}`, root, false)),
    ...SYNC.map((name) => hook(fs as unknown as Record<string, unknown>, name, `fs.${name}`, root, false)),
    ...PROMISES.map((name) => hook(fs.promises as unknown as Record<string, unknown>, name, `fs.promises.${name}`, root, true)),
  ];
  // ESM named imports of builtins (`import { readFile } from 'node:fs/promises'`) are live
  // bindings that only follow the CommonJS object when synced.
  syncBuiltinESMExports();
  return () => {
    for (const restore of undo) restore();
    syncBuiltinESMExports();
  };
}

function hook(target: Record<string, unknown>, name: string, call: string, root: string, returnsPromise: boolean): () => void {
  const original = target[name];
  if (typeof original !== 'function') return () => undefined;
  const fn = original as AnyFunction;
  const guarded = function (this: unknown, ...args: unknown[]): unknown {
    const scope = currentRequestScope();
    const hit = scope === undefined ? undefined : readTarget(name, args, root);
    if (scope !== undefined && hit !== undefined) {
      const error = new WorkspaceReadError(scope, call, hit, root);
      if (returnsPromise) return Promise.reject(error);
      throw error;
    }
    return fn.apply(this, args);
  };
  // Keep `realpath.native`, `exists`'s promisify.custom and the like.
  for (const key of Reflect.ownKeys(fn)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    const descriptor = Object.getOwnPropertyDescriptor(fn, key);
    if (descriptor !== undefined) Object.defineProperty(guarded, key, descriptor);
  }
  Object.defineProperty(guarded, 'name', { value: fn.name });
  target[name] = guarded;
  return () => {
    if (target[name] === guarded) target[name] = original;
  };
}

/** The absolute path under `root` this call would read, or `undefined`. */
function readTarget(name: string, args: readonly unknown[], root: string): string | undefined {
  if (name === 'glob' || name === 'globSync') {
    const patterns = Array.isArray(args[0]) ? (args[0] as unknown[]) : [args[0]];
    const options = args[1] as { cwd?: unknown } | undefined;
    const cwd = typeof options === 'object' ? asPath(options.cwd) : undefined;
    for (const pattern of patterns) {
      if (typeof pattern !== 'string') continue;
      const absolute = resolve(cwd ?? process.cwd(), pattern);
      if (under(absolute, root)) return absolute;
    }
    return cwd !== undefined && under(resolve(cwd), root) ? resolve(cwd) : undefined;
  }
  const path = asPath(args[0]);
  if (path === undefined) return undefined;
  const absolute = resolve(path);
  return under(absolute, root) ? absolute : undefined;
}

function asPath(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof URL) return value.protocol === 'file:' ? fileURLToPath(value) : undefined;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  // A file descriptor or FileHandle was opened earlier; the open was the guarded read.
  return undefined;
}

function under(absolute: string, root: string): boolean {
  return absolute === root || absolute.startsWith(root.endsWith(sep) ? root : root + sep);
}
