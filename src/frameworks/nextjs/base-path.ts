/**
 * Next.js `basePath` from the `next.config.*` nearest above a route file (up to the project
 * root): `{ basePath: '/docs' }` as an object literal of the config module, read as text without
 * running it. A `basePath` whose value is not a static string makes the routes unresolved.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isRegularFile, statOf } from '../../modules/file-stats.js';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { literalString, stringConstants } from '../../routes/module-facts/literal-string.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { RouteInfo } from '../../handlers/types.js';
import type { FullPaths } from '../framework.js';
import { joinPrefix } from '../../routes/join-prefix.js';
import { traverseSettingParents } from '../../ast/walk.js';

const CONFIGS = ['js', 'mjs', 'cjs', 'ts', 'mts'].map((ext) => `next.config.${ext}`);
const cache = new Map<string, { stamp: number; outcome: BasePath }>();

/** The base path (`''` for none), or why it is unknown. */
export type BasePath = { readonly basePath: string } | { readonly reason: string };

function configIn(folder: string): string | undefined {
  for (const name of CONFIGS) {
    const file = path.join(folder, name);
    // Missing or unreadable: try the next extension.
    if (isRegularFile(file)) return file;
  }
  return undefined;
}

function readBasePath(configFile: string): BasePath {
  let program: TSESTree.Program;
  try {
    program = parse(readFileSync(configFile, 'utf8'), { filePath: configFile, range: true, loc: true, comment: false, tokens: false });
  } catch {
    return { reason: `${path.basename(configFile)} does not parse, so its \`basePath\` is unknown` };
  }
  const constants = stringConstants(program);
  let outcome: BasePath = { basePath: '' };
  traverseSettingParents(program, (node) => {
    if (
      node.type !== AST_NODE_TYPES.Property ||
      node.computed ||
      node.key.type !== AST_NODE_TYPES.Identifier ||
      node.key.name !== 'basePath' ||
      node.parent.type !== AST_NODE_TYPES.ObjectExpression
    )
      return;
    const value = literalString(node.value, constants);
    outcome =
      value === undefined
        ? { reason: `the \`basePath\` in ${path.basename(configFile)}:${node.loc.start.line} is not a static string` }
        : { basePath: value.replace(/\/$/, '') };
  });
  return outcome;
}

/** The `basePath` that applies to `file` (absolute), looking no higher than `projectRoot`. */
export function nextBasePath(file: string, projectRoot: string): BasePath {
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    const config = configIn(folder);
    if (config !== undefined) {
      const stamp = statOf(config)?.mtimeMs ?? Number.NaN;
      const known = cache.get(config);
      if (known !== undefined && known.stamp === stamp) return known.outcome;
      const outcome = readBasePath(config);
      cache.set(config, { stamp, outcome });
      return outcome;
    }
    if (folder === projectRoot || path.dirname(folder) === folder || !folder.startsWith(projectRoot)) return { basePath: '' };
  }
}

/** The registry's `fullPaths` for Next.js: the route's file path under the `basePath`, or why it is unknown. */
export function nextFullPaths(route: RouteInfo, file: { readonly filename: string; readonly projectRoot: string }): FullPaths {
  if (!route.pathComplete || route.path === undefined) return { reason: 'the route path is not a static string' };
  const base = nextBasePath(file.filename, file.projectRoot);
  return 'reason' in base ? base : { paths: [joinPrefix(base.basePath, route.path)] };
}
