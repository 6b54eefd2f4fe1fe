/**
 * The route inventory of a whole project, as `fleet routes` needs it. Every candidate file is
 * parsed once, without tokens or comments (the handler model and the module facts read neither),
 * and its module facts are handed to the mount index, which so parses nothing again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { getHandlerModel } from '../handlers/model.js';
import type { HandlerModel } from '../handlers/types.js';
import type { FleetSettings } from '../settings.js';
import { readFleetSettings } from '../settings.js';
import type { RouteEntry } from './inventory.js';
import { routesOfFile } from './inventory.js';
import { moduleFacts } from './module-facts/module-facts.js';
import { rememberFacts } from './parsed-facts.js';
import { projectSnapshot } from './project-mounts.js';
import { fileStamp } from './project-snapshot.js';
import { mayRoute } from './may-route.js';
import { isTestFile } from './test-file.js';

/** A project's routes and the files that could not be read. */
export interface ProjectRoutes {
  /** Routes in file order, then source order. */
  readonly routes: readonly RouteEntry[];
  /** `file: message` for files that do not parse (their routes are missing). */
  readonly errors: readonly string[];
  readonly files: number;
}

interface ModelledFile {
  readonly filename: string;
  readonly ast: TSESTree.Program;
  readonly model: HandlerModel;
}

/** Parses `filename` as `@typescript-eslint/parser` would for ESLint (same tree, same scopes), minus tokens and comments. */
function modelOf(filename: string, text: string, stamp: string | undefined, settings: FleetSettings, pathRoot: string): ModelledFile {
  const ast = parse(text, {
    filePath: filename,
    range: true,
    loc: true,
    jsx: /x$/.test(filename),
    comment: false,
    tokens: false,
    jsDocParsingMode: 'none',
  });
  ast.sourceType = 'module';
  // `moduleFacts` also sets the parent pointers ESLint would have set, which the handler model needs.
  const facts = moduleFacts(ast);
  if (stamp !== undefined) rememberFacts(filename, stamp, facts);
  const scopeManager = analyze(ast, { sourceType: 'module' });
  // Paths relative to the project: a project inside a folder named `test` is not all test files.
  return { filename, ast, model: getHandlerModel({ ast, scopeManager, filename, settings, text, pathRoot }) };
}

/**
 * Parses every source file under `root` (as `fleet scan` finds them), test files excluded, and collects its routes.
 * @param settings `settings.fleet` as in `eslint.config.js`; default: Fleet's defaults.
 */
export function projectRoutes(root: string, settings: FleetSettings = readFleetSettings(undefined)): ProjectRoutes {
  const projectRoot = path.resolve(root);
  const { files } = projectSnapshot(projectRoot);
  const errors: string[] = [];
  const modelled: ModelledFile[] = [];
  // Every file first, then the routes: a route's prefixes may need any file's facts, and by
  // then they are all remembered.
  for (const filename of files) {
    if (isTestFile(path.relative(projectRoot, filename).split(path.sep).join('/'))) continue;
    // Stamped before reading: a file edited meanwhile gets a newer stamp and is parsed again.
    const stamp = fileStamp(filename);
    let text: string;
    try {
      text = readFileSync(filename, 'utf8');
    } catch (error) {
      errors.push(`${path.relative(projectRoot, filename)}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!mayRoute(filename, text, settings)) continue;
    try {
      const file = modelOf(filename, text, stamp, settings, projectRoot);
      // A router of imported controller methods has no handler of its own but still routes.
      if (file.model.handlers.length > 0 || file.model.externalRoutes.length > 0) modelled.push(file);
    } catch (error) {
      errors.push(`${path.relative(projectRoot, filename)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const routes = modelled.flatMap(({ filename, ast, model }) => routesOfFile({ model, ast, filename, projectRoot }));
  return { routes, errors, files: files.length };
}
