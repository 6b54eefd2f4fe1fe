/**
 * Import specifiers between files the codemod touches, written the way the project writes its
 * own: with `.js` extensions (NodeNext ESM) when the file's relative imports have them, else bare.
 */
import path from 'node:path';

/** True when the file's relative imports end in `.js` (or it has none and uses ESM `.js` style elsewhere). */
export function usesJsExtensions(source: string): boolean {
  const relative = [...source.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  if (relative.length === 0) return true;
  return relative.some((specifier) => /\.[cm]?js$/.test(specifier));
}

/** The specifier that imports `target` (an absolute `.ts` path) from `fromFile`. */
export function specifierFor(fromFile: string, target: string, jsExtensions: boolean): string {
  let relative = path.relative(path.dirname(fromFile), target).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const bare = relative.replace(/\.(?:[cm]?ts|tsx)$/, '');
  return jsExtensions ? `${bare}${/\.mts$/.test(target) ? '.mjs' : /\.cts$/.test(target) ? '.cjs' : '.js'}` : bare;
}

/** Re-points a relative specifier written in `fromFile` so it works from `toFile`; bare ones stay. */
export function moveSpecifier(specifier: string, fromFile: string, toFile: string): string {
  if (!specifier.startsWith('.')) return specifier;
  let relative = path
    .relative(path.dirname(toFile), path.resolve(path.dirname(fromFile), specifier))
    .split(path.sep)
    .join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative;
}

/** `SendWelcomeEmail` → `send-welcome-email`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** `SendWelcomeEmail` → `sendWelcomeEmail`. */
export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
