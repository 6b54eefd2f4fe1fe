/**
 * Middleware that reaches a registration through another module's factory: `server.js` does
 * `app.use(prefix, cloudcmd(options))`, `cloudcmd.js`'s exported `cloudcmd()` returns
 * `cloudcmdMiddle(...)`, which returns `clean([setUrl, userMenu({ config }), rest({ config })])`;
 * Express runs every element of that array per request, so `userMenu()`'s result — a function of
 * `user-menu.js` — is middleware registered by `server.js`. Read from the composing module (the
 * importer of the module asking), followed one factory deep: what the importer's exported factory
 * returns (a `const`, a same-module factory's result, array elements, `a && b`, `c ? a : b`, a
 * call's array argument), up to {@link MAX_DEPTH} steps; a value imported from the asking module
 * is registered as the factory is.
 */
import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction } from '../ast/resolve-function.js';
import { unwrap } from '../ast/unwrap.js';
import { FileVersionCache } from '../modules/file-version-cache.js';
import { projectMounts } from '../routes/project-mounts.js';
import type { FleetSettings } from '../settings.js';
import { dottedName } from './external-route.js';
import type { ModelBuilder } from './export-registrations.js';
import { exportRegistrations } from './export-registrations.js';
import { boundValue, exportNames, exportedValue, returnedExpressions } from './exported-functions.js';
import type { ImportRegistration } from './import-registrations.js';
import { buildImportIndex } from './imports.js';
import type { ImportIndex } from './types.js';
import { traverseSettingParents } from '../ast/walk.js';

/** A value of another module that an exported factory's result is made of. */
interface ComposedImport {
  /** The composing module's export whose call returns the value (`cloudcmd`). */
  readonly exportName: string;
  /** The module the value is imported from (absolute) and its import. */
  readonly file: string;
  readonly name: string;
  readonly members: readonly string[];
  /** `1`: the value is a call of the import (`userMenu({ config })`); `0`: the import itself. */
  readonly calls: 0 | 1;
  /** The value as written (`userMenu()`), for provenance. */
  readonly handlerName: string;
  readonly line: number;
}

const MAX_DEPTH = 8;

// A module asks only when its text holds a handler-shaped parameter list: `(req, res`, `(ctx, next`,
// or the same after a curried options parameter (`({ config }, req, res, next)`).
const HANDLER_PARAMS = /[(,]\s*_?(?:req|request)\s*,\s*_?(?:res|response|reply)\b|[(,]\s*_?ctx\s*,\s*_?next\b/;

const caches = new Map<string, FileVersionCache<readonly ComposedImport[]>>();

function cacheFor(root: string): FileVersionCache<readonly ComposedImport[]> {
  let cache = caches.get(root);
  if (!cache) {
    cache = new FileVersionCache(({ file: importer, text }) => {
      if (!/\breturn\b|=>/.test(text) || !/\[/.test(text)) return [];
      const ast = parse(text, { filePath: importer, range: true, loc: true, jsx: /x$/.test(importer), comment: false, tokens: false });
      traverseSettingParents(ast);
      const scopeManager = analyze(ast, { sourceType: 'module' });
      const imports = buildImportIndex(ast, scopeManager, text);
      const resolve = (specifier: string): string | undefined => projectMounts(root).resolve(importer, specifier);
      return composedImports(ast, scopeManager, imports, resolve);
    }, []);
    caches.set(root, cache);
  }
  return cache;
}

/** The imported values each exported factory of a module returns (see the module comment). */
export function composedImports(
  program: TSESTree.Program,
  scopeManager: ScopeManager,
  imports: ImportIndex,
  resolve: (specifier: string) => string | undefined,
): ComposedImport[] {
  const found: ComposedImport[] = [];
  for (const exportName of exportNames(program)) {
    const factory = exportedValue(program, scopeManager, exportName, []);
    if (!factory || !isFunction(factory)) continue;
    const seen = new Set<TSESTree.Node>();
    const visit = (expression: TSESTree.Node, depth: number): void => {
      const node = unwrap(expression);
      if (depth > MAX_DEPTH || seen.has(node)) return;
      seen.add(node);
      switch (node.type) {
        case AST_NODE_TYPES.Identifier:
        case AST_NODE_TYPES.MemberExpression: {
          const source = imports.sourceOf(node);
          if (source) {
            record(node, source, 0);
            return;
          }
          const value = node.type === AST_NODE_TYPES.Identifier ? boundValue(scopeManager, node) : undefined;
          if (value && !isFunction(value)) visit(value, depth + 1);
          return;
        }
        case AST_NODE_TYPES.ArrayExpression:
          for (const element of node.elements) {
            if (element) visit(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, depth + 1);
          }
          return;
        case AST_NODE_TYPES.LogicalExpression:
          visit(node.right, depth + 1);
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          visit(node.consequent, depth + 1);
          visit(node.alternate, depth + 1);
          return;
        case AST_NODE_TYPES.CallExpression: {
          const callee = unwrap(node.callee);
          const source = imports.sourceOf(callee);
          if (source) {
            record(callee, source, 1);
            return;
          }
          const local = callee.type === AST_NODE_TYPES.Identifier ? boundValue(scopeManager, callee) : undefined;
          if (local && isFunction(local)) for (const returned of returnedExpressions(local)) visit(returned, depth + 1);
          // A helper over the list (`clean([a, b])`, `[a, b].filter(Boolean)`): its array is the value.
          for (const argument of node.arguments) if (unwrap(argument).type === AST_NODE_TYPES.ArrayExpression) visit(argument, depth + 1);
          if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.ArrayExpression)
            visit(callee.object, depth + 1);
          return;
        }
        default:
          return;
      }
    };
    const record = (node: TSESTree.Node, source: { module: string; name: string; members: readonly string[] }, calls: 0 | 1): void => {
      const file = resolve(source.module);
      if (file === undefined) return;
      found.push({
        exportName,
        file,
        name: source.name,
        members: source.members,
        calls,
        handlerName: `${dottedName(node) ?? source.name}${calls === 1 ? '()' : ''}`,
        line: node.loc.start.line,
      });
    };
    for (const returned of returnedExpressions(factory)) visit(returned, 0);
  }
  return found;
}

/** True when `registration` (of an export of the composing module) registers the result of calling `exportName`. */
function registersCallOf(registration: ImportRegistration, exportName: string): boolean {
  if (registration.calls !== 1) return false;
  if (registration.members.length === 0) return registration.name === exportName;
  return (
    (registration.name === '*' || registration.name === 'default') &&
    registration.members.length === 1 &&
    registration.members[0] === exportName
  );
}

/**
 * The registrations of the exports of the module at `file` (absolute, text `text`) that reach a
 * registration through a factory of a module importing it, in the project (package) at `root`.
 */
export function composedRegistrations(
  file: string,
  text: string | undefined,
  root: string,
  settings: FleetSettings,
  modelOf: ModelBuilder,
): ImportRegistration[] {
  if (text !== undefined && !HANDLER_PARAMS.test(text)) return [];
  const found: ImportRegistration[] = [];
  for (const importer of projectMounts(root).importersOf(file)) {
    if (importer === file) continue;
    const composed = cacheFor(root)
      .get(importer)
      .filter((value) => value.file === file);
    if (composed.length === 0) continue;
    const label = path.relative(root, importer).split(path.sep).join('/');
    const outer = exportRegistrations(importer, root, settings, modelOf);
    for (const value of composed) {
      for (const registration of outer.filter((candidate) => registersCallOf(candidate, value.exportName))) {
        found.push({
          ...registration,
          file,
          name: value.name,
          members: value.members,
          calls: value.calls,
          kind: registration.kind === 'route' ? 'route' : 'middleware',
          handlerName: value.handlerName,
          via: `\`${value.handlerName}\` returned by \`${value.exportName}()\` (${label}:${value.line}), and ${registration.via}`,
        });
      }
    }
  }
  return found;
}

/** Forgets every cached composing module (tests). */
export function clearComposedRegistrations(): void {
  caches.clear();
}
