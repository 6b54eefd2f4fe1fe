import { statSync } from 'node:fs';
import path from 'node:path';
import { aliasTargets } from './path-aliases.js';

/** Extensions tried, in order, for an extensionless specifier and for `index.*`. */
export const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

// TypeScript's ESM style: `import './x.js'` is written against the emitted file, the source is `x.ts`.
const SOURCE_FOR_EMITTED: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** True for `./x`, `../y/z`, `.` and `..`: the only specifiers Fleet follows (packages are not read). */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * The absolute path of the project file a relative import specifier names, resolved the way
 * TypeScript and Node do for source files: the exact file, `./x.js` → `./x.ts`, `./x` + one of
 * {@link MODULE_EXTENSIONS}, then `./x/index.*`. `undefined` for package specifiers, a
 * non-absolute `fromFile` (text linted without a file) or when no file exists.
 */
export function resolveRelativeModule(fromFile: string, specifier: string): string | undefined {
  if (!isRelativeSpecifier(specifier) || !path.isAbsolute(fromFile)) return undefined;
  return resolveSourceFile(path.resolve(path.dirname(fromFile), specifier));
}

/**
 * The absolute path of the project file an import specifier names: a relative specifier (see
 * {@link resolveRelativeModule}) or a `compilerOptions.paths` alias of the nearest
 * `tsconfig.json` (`@/lib/mailer`). `undefined` for packages and unresolvable specifiers.
 */
export function resolveProjectModule(fromFile: string, specifier: string): string | undefined {
  if (isRelativeSpecifier(specifier)) return resolveRelativeModule(fromFile, specifier);
  if (!path.isAbsolute(fromFile) || specifier.startsWith('node:')) return undefined;
  for (const target of aliasTargets(fromFile, specifier)) {
    const file = resolveSourceFile(target);
    if (file !== undefined) return file;
  }
  return undefined;
}

/** The source file for an absolute module path, trying the emitted-name, extension and index forms. */
function resolveSourceFile(base: string): string | undefined {
  const extension = path.extname(base);
  const emitted = SOURCE_FOR_EMITTED[extension];
  const candidates: string[] = [];
  if (emitted) candidates.push(...emitted.map((source) => base.slice(0, -extension.length) + source));
  if ((MODULE_EXTENSIONS as readonly string[]).includes(extension)) candidates.push(base);
  candidates.push(...MODULE_EXTENSIONS.map((ext) => base + ext));
  candidates.push(...MODULE_EXTENSIONS.map((ext) => path.join(base, `index${ext}`)));
  return candidates.find(isFile);
}

function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}
