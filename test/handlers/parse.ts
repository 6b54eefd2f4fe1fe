// Test helper: parse a module the way ESLint does and build its handler model.
import { parseForESLint } from '@typescript-eslint/parser';
import { simpleTraverse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { Detector } from '../../src/handlers/detector.js';
import { buildImportIndex } from '../../src/handlers/imports.js';
import { getHandlerModel, mayDetect } from '../../src/handlers/model.js';
import type { HandlerModelInput } from '../../src/handlers/model.js';
import type { HandlerModel } from '../../src/handlers/types.js';
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

/**
 * The handler model, checked against the model's pre-filter: a module in which a detector finds
 * anything must pass `mayDetect` (else `handlerModelFor` would give it an empty model). Every
 * handler test thereby tests the pre-filter too.
 */
export function checkedModel(input: HandlerModelInput & { readonly text: string }): HandlerModel {
  const model = getHandlerModel(input);
  const found = model.handlers.length + model.externalRoutes.length + model.externalHandlers.length;
  if (found > 0 && !mayDetect(input.filename, input.text, input.settings))
    throw new Error(`the handler-model pre-filter skips ${input.filename}, where the detectors find ${found} handler(s) or route(s)`);
  return model;
}

/** Parses `text` and summarises the handlers the model finds, in source order. */
export function handlersIn(text: string, filename = 'src/app.ts', fleet?: Record<string, unknown>): HandlerSummary[] {
  const parsed = parse(text, filename);
  const model = checkedModel({ ...parsed, filename, settings: readFleetSettings(fleet ?? {}) });
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
  const settings = readFleetSettings(fleet);
  const ctx = { ast, scopeManager, filename, settings, imports, text: code, externalRoutes: [], externalHandlers: [] };
  const findings = detector(ctx);
  const found = findings.length + ctx.externalRoutes.length + ctx.externalHandlers.length;
  if (found > 0 && !mayDetect(filename, code, settings))
    throw new Error(`the handler-model pre-filter skips ${filename}, where the detector finds ${found} handler(s) or route(s)`);
  return findings;
}
