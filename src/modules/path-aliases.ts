/**
 * `compilerOptions.paths` aliases (`@/lib/mailer`, `@app/services/x`) from the nearest
 * `tsconfig.json`, so syntactic mode follows a project's own modules the way TypeScript does.
 * Most real Next.js and NestJS apps import their services only through such aliases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isRegularFile } from './file-stats.js';

/** One `paths` entry, with targets made absolute. */
interface Alias {
  /** The part before `*` (the whole key when it has no `*`). */
  readonly prefix: string;
  /** The part after `*`; `undefined` for an exact key. */
  readonly suffix: string | undefined;
  readonly targets: readonly string[];
}

/** The merged compiler options Fleet reads, with the directories they are relative to. */
interface AliasOptions {
  readonly paths?: { readonly value: Readonly<Record<string, unknown>>; readonly dir: string };
  readonly baseUrl?: string;
}

const MAX_EXTENDS = 8;
const byDirectory = new Map<string, readonly Alias[]>();

/** Removes comments and trailing commas, as tsconfig files allow (JSON with comments). */
function stripJsonc(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else {
      out += char;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(stripJsonc(readFileSync(file, 'utf8')));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The file an `extends` entry names: a relative path, or a package's config. */
function extendedConfig(from: string, specifier: string): string | undefined {
  const dir = path.dirname(from);
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const file = path.resolve(dir, specifier);
    return [file, `${file}.json`].find(isRegularFile);
  }
  const require = createRequire(path.join(dir, 'package.json'));
  for (const candidate of [specifier, `${specifier}/tsconfig.json`, `${specifier}.json`]) {
    try {
      return require.resolve(candidate);
    } catch {
      // Try the next spelling; a missing shared config only means no aliases from it.
    }
  }
  return undefined;
}

/** `paths` and `baseUrl` after `extends`, the child overriding its parents as TypeScript does. */
function optionsOf(file: string, depth: number): AliasOptions {
  const config = readJson(file);
  if (!config || depth > MAX_EXTENDS) return {};
  const extendsValue = config.extends;
  const parents =
    typeof extendsValue === 'string'
      ? [extendsValue]
      : Array.isArray(extendsValue)
        ? extendsValue.filter((x): x is string => typeof x === 'string')
        : [];
  let merged: AliasOptions = {};
  for (const parent of parents) {
    const parentFile = extendedConfig(file, parent);
    if (parentFile) merged = { ...merged, ...optionsOf(parentFile, depth + 1) };
  }
  const options = config.compilerOptions as Record<string, unknown> | undefined;
  const dir = path.dirname(file);
  const paths = options?.paths;
  const baseUrl = options?.baseUrl;
  return {
    ...merged,
    ...(paths !== null && typeof paths === 'object' ? { paths: { value: paths as Record<string, unknown>, dir } } : {}),
    ...(typeof baseUrl === 'string' ? { baseUrl: path.resolve(dir, baseUrl) } : {}),
  };
}

function aliasesOf(configFile: string): Alias[] {
  const options = optionsOf(configFile, 0);
  const fromBase = options.baseUrl === undefined ? [] : baseUrlAliases(options.baseUrl);
  if (!options.paths) return fromBase;
  // Targets are relative to `baseUrl` when set, else to the config that declares `paths`.
  const base = options.baseUrl ?? options.paths.dir;
  // `paths` first: for keys of the same length, the first alias wins (see `aliasTargets`).
  return [...pathAliases(options.paths.value, base), ...fromBase];
}

/**
 * `baseUrl` alone makes `src/x/y` resolve to `<baseUrl>/src/x/y` (NestJS apps import their services
 * so). One alias per entry of the `baseUrl` folder, so a package specifier (`express`) costs no
 * look-up unless a folder or module of the project bears its name, as TypeScript would pick it.
 */
function baseUrlAliases(baseUrl: string): Alias[] {
  let entries: string[];
  try {
    entries = readdirSync(baseUrl);
  } catch {
    return [];
  }
  const names = new Set(
    entries.filter((entry) => !entry.startsWith('.') && entry !== 'node_modules').map((entry) => entry.replace(/\.[cm]?[jt]sx?$/, '')),
  );
  return [...names].flatMap((name) => [
    { prefix: name, suffix: undefined, targets: [path.join(baseUrl, name)] },
    { prefix: `${name}/`, suffix: '', targets: [path.join(baseUrl, name, '*')] },
  ]);
}

function pathAliases(value: Readonly<Record<string, unknown>>, base: string): Alias[] {
  return Object.entries(value).flatMap(([key, value]) => {
    const targets = Array.isArray(value)
      ? value.filter((x): x is string => typeof x === 'string').map((target) => path.resolve(base, target))
      : [];
    const star = key.indexOf('*');
    return [{ prefix: star < 0 ? key : key.slice(0, star), suffix: star < 0 ? undefined : key.slice(star + 1), targets }];
  });
}

/** The aliases that apply to files in `dir`: those of the nearest `tsconfig.json` above it. */
function aliasesFor(dir: string): readonly Alias[] {
  const cached = byDirectory.get(dir);
  if (cached) return cached;
  const config = path.join(dir, 'tsconfig.json');
  const parent = path.dirname(dir);
  const aliases = isRegularFile(config) ? aliasesOf(config) : parent === dir ? [] : aliasesFor(parent);
  byDirectory.set(dir, aliases);
  return aliases;
}

/**
 * The absolute paths (without extension resolution) a non-relative specifier maps to through the
 * `paths` of the nearest `tsconfig.json`, longest matching prefix first as TypeScript picks; `[]`
 * when no alias matches.
 */
export function aliasTargets(fromFile: string, specifier: string): string[] {
  let best: { alias: Alias; star: string } | undefined;
  for (const alias of aliasesFor(path.dirname(fromFile))) {
    if (alias.suffix === undefined) {
      if (specifier === alias.prefix) return [...alias.targets];
      continue;
    }
    if (
      !specifier.startsWith(alias.prefix) ||
      !specifier.endsWith(alias.suffix) ||
      specifier.length < alias.prefix.length + alias.suffix.length
    )
      continue;
    if (best && best.alias.prefix.length >= alias.prefix.length) continue;
    best = { alias, star: specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length) };
  }
  return best ? best.alias.targets.map((target) => target.replace('*', best.star)) : [];
}

/** Forgets every tsconfig read (tests and long-lived processes whose configs changed). */
export function clearPathAliasCache(): void {
  byDirectory.clear();
}
