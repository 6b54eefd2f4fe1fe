/** Resolves a relative import specifier to a project file, the way TypeScript and bundlers do. */
import path from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
// TypeScript ESM: `import './users.js'` names the file `users.ts`.
const TS_FOR_JS: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * The file `specifier` (relative, e.g. `./routes/users.js`) refers to from `fromFile`, among
 * `files` (absolute paths): the exact file, its `.ts` twin for a `.js` specifier, the specifier
 * with a source extension added, or an `index` file in that folder. `undefined` for bare
 * specifiers (packages, path aliases) and files not in the set.
 */
export function resolveSpecifier(fromFile: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const ext = path.extname(base);
  const candidates = [base];
  for (const twin of TS_FOR_JS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + twin);
  for (const extension of EXTENSIONS) candidates.push(base + extension);
  for (const extension of EXTENSIONS) candidates.push(path.join(base, `index${extension}`));
  return candidates.find((candidate) => files.has(candidate));
}
