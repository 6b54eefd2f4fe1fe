/**
 * What the project's `package.json` files tell the route inventory: the workspace packages by
 * name (so `import { auth } from '@acme/auth/server'` can be followed into `packages/auth`), and
 * the files `fastify start <file>` runs (fastify-cli registers that plugin as the root).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkspacePackage } from '../modules/resolve-module.js';
import { resolveModule } from '../modules/resolve-module.js';

export type { WorkspacePackage };

/** The project's packages and fastify-cli root plugins. */
export interface WorkspacePackages {
  /** Package name → package; the root package too. */
  readonly packages: ReadonlyMap<string, WorkspacePackage>;
  /** Absolute files a `fastify start` script loads as the root plugin (no `--prefix` option). */
  readonly fastifyRoots: ReadonlySet<string>;
}

// `fastify start [options] <file>`; options with a value are `-x value` or `--opt=value`.
const FASTIFY_START = /\bfastify\s+start\s+((?:-{1,2}[\w-]+(?:[= ](?!-)\S+)?\s+)*)([^\s&;|-][^\s&;|]*)/g;

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    // No package.json here, or one that is not JSON: not a package Fleet can use.
    return undefined;
  }
}

/** Reads the `package.json` of every directory in `dirs` (absolute); `files` are the project's source files. */
export function workspacePackages(dirs: Iterable<string>, files: ReadonlySet<string>): WorkspacePackages {
  const packages = new Map<string, WorkspacePackage>();
  const fastifyRoots = new Set<string>();
  for (const dir of dirs) {
    const json = readJson(path.join(dir, 'package.json'));
    if (!json) continue;
    if (typeof json.name === 'string' && !packages.has(json.name)) {
      packages.set(json.name, {
        dir,
        main: typeof json.main === 'string' ? path.resolve(dir, json.main) : undefined,
        exports: json.exports,
      });
    }
    const scripts = json.scripts !== null && typeof json.scripts === 'object' ? Object.values(json.scripts as Record<string, unknown>) : [];
    for (const script of scripts) {
      if (typeof script !== 'string') continue;
      for (const match of script.matchAll(FASTIFY_START)) {
        // A `--prefix` / `-x` option puts every route under a prefix Fleet does not read.
        if (/(^|\s)(-x|--prefix)\b/.test(match[1] ?? '')) continue;
        const root = resolveModule(path.join(dir, 'package.json'), `./${match[2]!}`, { files });
        if (root !== undefined) fastifyRoots.add(root);
      }
    }
  }
  return { packages, fastifyRoots };
}
