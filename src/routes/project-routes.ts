/** The route inventory of a whole project: every source file parsed once, as `fleet routes` needs it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { discoverFiles } from '../cli/files.js';
import { getHandlerModel } from '../handlers/model.js';
import type { FleetSettings } from '../settings.js';
import { readFleetSettings } from '../settings.js';
import type { RouteEntry } from './inventory.js';
import { routesOfFile } from './inventory.js';

/** A project's routes and the files that could not be read. */
export interface ProjectRoutes {
  /** Routes in file order, then source order. */
  readonly routes: readonly RouteEntry[];
  /** `file: message` for files that do not parse (their routes are missing). */
  readonly errors: readonly string[];
  readonly files: number;
}

// Files without one of these words register no route the detectors can see.
const MAY_ROUTE = /express|fastify|koa|hono|@nestjs|route|export|Router|app\.|\.(get|post|put|delete|patch)\(/;

/**
 * Parses every source file under `root` (as `fleet scan` finds them) and collects its routes.
 * @param settings `settings.fleet` as in `eslint.config.js`; default: Fleet's defaults.
 */
export function projectRoutes(root: string, settings: FleetSettings = readFleetSettings(undefined)): ProjectRoutes {
  const projectRoot = path.resolve(root);
  const { files } = discoverFiles(projectRoot);
  const routes: RouteEntry[] = [];
  const errors: string[] = [];
  for (const filename of files) {
    const text = readFileSync(filename, 'utf8');
    if (!MAY_ROUTE.test(text)) continue;
    let ast: TSESTree.Program;
    let scopeManager: ScopeManager;
    try {
      const parsed = parseForESLint(text, { filePath: filename, sourceType: 'module', ecmaVersion: 'latest', range: true, loc: true, jsx: /x$/.test(filename) });
      ast = parsed.ast;
      scopeManager = parsed.scopeManager;
    } catch (error) {
      errors.push(`${path.relative(projectRoot, filename)}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const model = getHandlerModel({ ast: withParents(ast), scopeManager, filename, settings, text });
    if (model.handlers.length > 0) routes.push(...routesOfFile({ model, ast, filename, projectRoot }));
  }
  return { routes, errors, files: files.length };
}

/** ESLint sets `parent` pointers before rules run; the handler model relies on them. */
function withParents(ast: TSESTree.Program): TSESTree.Program {
  const visit = (node: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
    (node as { parent?: TSESTree.Node }).parent = parent;
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, node);
      } else if (isNode(value)) visit(value, node);
    }
  };
  visit(ast, undefined);
  return ast;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
