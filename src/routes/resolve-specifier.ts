/** Resolves an import specifier to a project file, the way TypeScript and bundlers do. */
import path from 'node:path';
import type { WorkspacePackage } from './workspace-packages.js';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
// TypeScript ESM: `import './users.js'` names the file `users.ts`.
const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

function fileAt(base: string, files: ReadonlySet<string>): string | undefined {
  const ext = path.extname(base);
  const candidates = [base];
  for (const twin of TS_FOR_JS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + twin);
  for (const extension of EXTENSIONS) candidates.push(base + extension);
  for (const extension of EXTENSIONS) candidates.push(path.join(base, `index${extension}`));
  return candidates.find((candidate) => files.has(candidate));
}

/** `@acme/auth/server` → the package `@acme/auth` and the subpath `server`. */
function packageOf(specifier: string, packages: ReadonlyMap<string, WorkspacePackage>): { pkg: WorkspacePackage; subpath: string } | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const pkg = packages.get(parts.slice(0, nameLength).join('/'));
  return pkg && { pkg, subpath: parts.slice(nameLength).join('/') };
}

/**
 * The file `specifier` refers to from `fromFile`, among `files` (absolute paths). A relative
 * specifier (`./routes/users.js`) names the exact file, its `.ts` twin for a `.js` specifier, the
 * specifier with a source extension added, or an `index` file in that folder. A bare specifier
 * naming a workspace package in `packages` (`@acme/auth`, `@acme/auth/server`) is looked up in
 * that package's folder (the `main` entry, else `index` or `src/index`, for the package itself).
 * `undefined` for other bare specifiers (npm packages, path aliases) and files not in the set.
 * @param packages default: none (only relative specifiers resolve).
 */
export function resolveSpecifier(fromFile: string, specifier: string, files: ReadonlySet<string>, packages?: ReadonlyMap<string, WorkspacePackage>): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return fileAt(path.resolve(path.dirname(fromFile), specifier), files);
  const found = packages && packageOf(specifier, packages);
  if (!found) return undefined;
  const { pkg, subpath } = found;
  if (subpath !== '') return fileAt(path.join(pkg.dir, subpath), files) ?? fileAt(path.join(pkg.dir, 'src', subpath), files);
  const main = pkg.main === undefined ? undefined : fileAt(pkg.main.replace(/\.[cm]?js$/, ''), files) ?? fileAt(pkg.main, files);
  return main ?? fileAt(pkg.dir, files) ?? fileAt(path.join(pkg.dir, 'src'), files);
}
