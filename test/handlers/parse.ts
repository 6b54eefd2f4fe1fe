// Test helper: parse a module the way ESLint does and build its handler model.
import { parseForESLint } from '@typescript-eslint/parser';
import { simpleTraverse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { Detector } from '../../src/handlers/detector.js';
import { buildImportIndex } from '../../src/handlers/imports.js';
import { getHandlerModel } from '../../src/handlers/model.js';
import type { HandlerFinding } from '../../src/handlers/types.js';
import { readFleetSettings } from '../../src/settings.js';

export interface Parsed {
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager;
  readonly text: string;
}

export function parse(text: string, filename = 'src/app.ts'): Parsed {
  const result = parseForESLint(text, {
    filePath: filename,
    sourceType: 'module',
    ecmaVersion: 'latest',
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    jsx: filename.endsWith('x'),
  });
  // ESLint sets parent pointers before rules run; the model relies on them.
  simpleTraverse(result.ast, { enter() {} }, true);
  return { ast: result.ast, scopeManager: result.scopeManager, text };
}

/** A handler reduced to what tests assert on. */
export interface HandlerSummary {
  readonly framework: string;
  readonly kind: string;
  readonly confidence: string;
  readonly label: string;
  readonly complete: boolean | undefined;
  readonly line: number;
}

/** Parses `text` and summarises the handlers the model finds, in source order. */
export function handlersIn(text: string, filename = 'src/app.ts', fleet?: Record<string, unknown>): HandlerSummary[] {
  const parsed = parse(text, filename);
  const model = getHandlerModel({ ...parsed, filename, settings: readFleetSettings(fleet ?? {}) });
  return model.handlers.map((handler) => ({
    framework: handler.framework,
    kind: handler.kind,
    confidence: handler.confidence,
    label: handler.label,
    complete: handler.route?.pathComplete,
    line: handler.node.loc.start.line,
  }));
}

/**
 * Runs one detector on `code` alone (no model merge), as the detector tests need: parsed with
 * JSX on and without parent pointers, since detectors must not depend on them.
 */
export function runDetector(detector: Detector, code: string, filename: string, fleet?: unknown): HandlerFinding[] {
  const { ast, scopeManager } = parseForESLint(code, {
    range: true,
    loc: true,
    sourceType: 'module',
    ecmaVersion: 'latest',
    ecmaFeatures: { jsx: true },
  });
  const imports = buildImportIndex(ast, scopeManager);
  return detector({
    ast,
    scopeManager,
    filename,
    settings: readFleetSettings(fleet),
    imports,
    text: code,
    externalRoutes: [],
    externalHandlers: [],
  });
}
