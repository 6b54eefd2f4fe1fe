/**
 * Whether a constant imported from one of the project's own modules is a machine-local root.
 * Monorepos keep their directories in a `paths.ts`/`constants.ts`
 * (`export const REPO_ROOT = path.resolve(__dirname, '..')`) and import them into handlers; the
 * name is a workspace source, the value is the app's own bundle. Without following the import
 * the rule would report every such read, so the exporting module's top-level `const`s are read
 * (parsed once per file version) and evaluated syntactically.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { importPath } from '../../src/handlers/import-path.js';
import type { ImportSource } from '../../src/handlers/types.js';
import { FileVersionCache } from '../../src/modules/file-version-cache.js';
import { moduleBindings } from '../../src/modules/module-bindings.js';
import type { ModuleBinding } from '../../src/modules/module-bindings.js';
import { isRelativeSpecifier, resolveModule } from '../../src/modules/resolve-module.js';
import { skipWrappers } from '../../src/modules/ts-nodes.js';
import { ts } from '../../src/modules/typescript.js';
import type { MachineRoot } from './machine-root.js';

type Bindings = ReadonlyMap<string, ModuleBinding>;

const PATH_MODULES = ['path', 'path/posix', 'path/win32', 'pathe', 'upath'];
const PATH_CALLS = new Set(['join', 'resolve', 'dirname', 'normalize']);
// `const a = path.join(B, 'x'); const B = path.resolve(__dirname, '..')` rarely nests deeper.
const MAX_DEPTH = 6;

/** Per file version, the machine-local root of each top-level `const` that is one (never the syntax tree). */
type Roots = ReadonlyMap<string, MachineRoot>;
// A module that does not parse proves nothing (undefined): the name alone decides, as before.
const parsed = new FileVersionCache<Roots | undefined>((module) => {
  const bindings = moduleBindings(module.parse());
  // Evaluated once here so the cache keeps a few names, not the module's syntax tree.
  const roots = new Map<string, MachineRoot>();
  for (const [name, binding] of bindings) {
    const root = binding.kind === 'value' ? rootOf(binding.node, bindings, 0) : undefined;
    if (root) roots.set(name, root);
  }
  return roots;
}, undefined);

function rootsOf(file: string): Roots | undefined {
  return parsed.get(file);
}

/** The module and export a callee names in the exporting module: `path.join` / `join` → `path` + `join`. */
function calleeImport(callee: TS.Node, bindings: Bindings): { module: string; name: string } | undefined {
  if (ts.isIdentifier(callee)) {
    const binding = bindings.get(callee.text);
    return binding?.kind === 'import' ? { module: binding.module, name: binding.name } : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name) || !ts.isIdentifier(callee.expression)) return undefined;
  if (callee.expression.text === 'process') return { module: 'process', name: callee.name.text };
  const binding = bindings.get(callee.expression.text);
  return binding?.kind === 'import' && (binding.name === '*' || binding.name === 'default')
    ? { module: binding.module, name: callee.name.text }
    : undefined;
}

function rootOf(node: TS.Node, bindings: Bindings, depth: number): MachineRoot | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = skipWrappers(node);
  if (ts.isIdentifier(target)) {
    if (target.text === '__dirname' || target.text === '__filename') return 'bundle';
    const binding = bindings.get(target.text);
    return binding?.kind === 'value' ? rootOf(binding.node, bindings, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(target)) {
    const meta = target.expression;
    return ts.isMetaProperty(meta) &&
      meta.keywordToken === ts.SyntaxKind.ImportKeyword &&
      ['dirname', 'filename', 'url'].includes(target.name.text)
      ? 'bundle'
      : undefined;
  }
  if (ts.isTemplateExpression(target)) {
    const [first] = target.templateSpans;
    return target.head.text === '' && first ? rootOf(first.expression, bindings, depth + 1) : undefined;
  }
  if (!ts.isCallExpression(target)) return undefined;
  const callee = calleeImport(target.expression, bindings);
  if (!callee) return undefined;
  if (callee.module === 'process' && callee.name === 'cwd') return 'bundle';
  if (callee.module === 'os' && callee.name === 'tmpdir') return 'scratch';
  const [first, ...rest] = target.arguments;
  if (!first) return undefined;
  if (callee.module === 'url' && callee.name === 'fileURLToPath') return rootOf(first, bindings, depth + 1);
  if (!PATH_MODULES.includes(callee.module) || !PATH_CALLS.has(callee.name)) return undefined;
  // `path.resolve(__dirname, process.env.X)` may leave the bundle: only literal tails are proven.
  if (callee.name === 'resolve' && rest.some((part) => !ts.isStringLiteralLike(part) && !isLiteral(part))) return undefined;
  return rootOf(first, bindings, depth + 1);
}

/** What ESTree calls a `Literal`: a string, number, boolean, `null` or regex literal. */
function isLiteral(node: TS.Node): boolean {
  return (
    ts.isNumericLiteral(node) ||
    ts.isRegularExpressionLiteral(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword
  );
}

/**
 * The machine-local root an imported constant is, when `source` is a named import of a relative
 * module whose top-level `const` of that name is built from `__dirname`, `import.meta`,
 * `process.cwd()` or `os.tmpdir()`; otherwise `undefined` (unknown).
 */
export function importedRoot(fromFile: string, source: ImportSource): MachineRoot | undefined {
  const exported = importPath(source);
  if (exported.length !== 1) return undefined;
  const file = isRelativeSpecifier(source.module) ? resolveModule(fromFile, source.module) : undefined;
  return file === undefined ? undefined : rootsOf(file)?.get(exported[0]!);
}

/** Per entry module version: the machine-local root of each `global.X = …` it makes at top level (`null`: not one). */
const globalsSet = new FileVersionCache<ReadonlyMap<string, MachineRoot | null> | undefined>((module) => {
  const source = module.parse();
  const bindings = moduleBindings(source);
  const roots = new Map<string, MachineRoot | null>();
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expression = statement.expression;
    if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = expression.left;
    if (!ts.isPropertyAccessExpression(left) || !ts.isIdentifier(left.expression) || !GLOBALS.has(left.expression.text)) continue;
    const root = rootOf(expression.right, bindings, 0) ?? null;
    const name = left.name.text;
    // Two assignments that disagree prove nothing.
    roots.set(name, roots.has(name) && roots.get(name) !== root ? null : root);
  }
  return roots;
}, undefined);

const GLOBALS = new Set(['global', 'globalThis']);

/** The entry modules (`main`, `bin`) of the nearest `package.json` above a directory, cached per directory. */
const entriesByDir = new Map<string, readonly string[]>();

function entryModules(dir: string): readonly string[] {
  const known = entriesByDir.get(dir);
  if (known) return known;
  let entries: readonly string[] = [];
  const manifest = path.join(dir, 'package.json');
  if (existsSync(manifest)) {
    try {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { main?: unknown; bin?: unknown };
      const bin: unknown = json.bin;
      const named: unknown[] = [
        json.main,
        ...(typeof bin === 'object' && bin !== null ? Object.values(bin as Record<string, unknown>) : [bin]),
      ];
      entries = named.flatMap((entry) => {
        if (typeof entry !== 'string') return [];
        const file = [entry, `${entry}.js`, `${entry}.cjs`, `${entry}.mjs`]
          .map((e) => path.resolve(dir, e))
          .find((f) => existsSync(f) && !f.endsWith('/'));
        return file ? [file] : [];
      });
    } catch {
      entries = [];
    }
  } else {
    const parent = path.dirname(dir);
    entries = parent === dir ? [] : entryModules(parent);
  }
  entriesByDir.set(dir, entries);
  return entries;
}

/**
 * `global.appRoot` / `globalThis.appRoot` when the package's entry modules (`main` / `bin` of the
 * nearest `package.json`) set it at top level from a machine-local root, and every such
 * assignment there agrees (`global.appRoot = __dirname` in `index.js`); otherwise `undefined`.
 */
export function globalRoot(fromFile: string, name: string): MachineRoot | undefined {
  let found: MachineRoot | undefined;
  for (const entry of entryModules(path.dirname(fromFile))) {
    const roots = globalsSet.get(entry);
    if (!roots?.has(name)) continue;
    const root = roots.get(name);
    if (root === null || (found !== undefined && found !== root)) return undefined;
    found = root;
  }
  return found;
}
