/**
 * What the project's `package.json` files tell the route inventory: the workspace packages by
 * name (so `import { auth } from '@acme/auth/server'` can be followed into `packages/auth`), and
 * the files a script loads as the root (the registry's `scriptRoots`: fastify-cli's
 * `fastify start <file>` registers that plugin as the root).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkspacePackage } from '../modules/resolve-module.js';
import { resolveModule } from '../modules/resolve-module.js';
import type { FrameworkDefinition } from '../frameworks/framework.js';
import { FRAMEWORKS } from '../frameworks/index.js';

export type { WorkspacePackage };

/** The project's packages and the root plugins its scripts load. */
export interface WorkspacePackages {
  /** Package name → package; the root package too. */
  readonly packages: ReadonlyMap<string, WorkspacePackage>;
  /** Absolute files a script loads as the root plugin (the registry's `scriptRoots`): their default export's parameter 0 is a root. */
  readonly scriptRoots: ReadonlySet<string>;
}

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
  const scriptRoots = new Set<string>();
  const readers = (FRAMEWORKS as readonly FrameworkDefinition[]).flatMap((framework) => framework.scriptRoots ?? []);
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
      for (const file of readers.flatMap((read) => read(script))) {
        const root = resolveModule(path.join(dir, 'package.json'), `./${file}`, { files });
        if (root !== undefined) scriptRoots.add(root);
      }
    }
  }
  return { packages, scriptRoots };
}
