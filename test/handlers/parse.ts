// Test helper: parse a module the way ESLint does and build its handler model.
import { parseForESLint } from '@typescript-eslint/parser';
import { simpleTraverse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { Detector } from '../../src/handlers/detector.js';
import { clearComposedRegistrations } from '../../src/handlers/composed-registrations.js';
import { clearRegistrationHelpers } from '../../src/handlers/detectors/registration-helpers.js';
import { clearExportRegistrations, mayRegister } from '../../src/handlers/export-registrations.js';
import { clearModuleSummaryCache } from '../../src/modules/module-summary-cache.js';
import { clearProjectMountsCache } from '../../src/routes/project-mounts.js';
import { importRegistrations } from '../../src/handlers/import-registrations.js';
import { buildImportIndex } from '../../src/handlers/imports.js';
import { registrationCandidates } from '../../src/handlers/registration-candidates.js';
import { parseModule } from '../../src/modules/parse-module.js';
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
 * The handler model, checked against the model's pre-filters: a module in which a detector finds
 * anything must pass `mayDetect` (else `handlerModelFor` would give it an empty model), and every
 * module whose registrations of an imported value the model records must be named by the
 * registration pre-check (`registrationCandidates`, else `exportRegistrations` would skip this
 * module). Every handler test thereby tests both pre-filters too.
 */
export function checkedModel(input: HandlerModelInput & { readonly text: string }): HandlerModel {
  const model = getHandlerModel(input);
  const found = model.handlers.length + model.externalRoutes.length + model.externalHandlers.length;
  if (found > 0 && !mayDetect(input.filename, input.text, input.settings))
    throw new Error(`the handler-model pre-filter skips ${input.filename}, where the detectors find ${found} handler(s) or route(s)`);
  checkRegistrationCandidates(input, model);
  return model;
}

/** Every specifier resolves (packages too), so the check covers every import form. */
const resolveAny = (specifier: string): string => `/resolved/${specifier}`;

function checkRegistrationCandidates(input: HandlerModelInput & { readonly text: string }, model: HandlerModel): void {
  // Declared handlers turn the pre-check off (`export-registrations.ts`), so it has nothing to answer.
  if (input.settings.handlers.length > 0 || !mayRegister(input.filename, input.text, input.settings)) return;
  const registrations = importRegistrations(input.filename, input.filename, model, (_from, specifier) => resolveAny(specifier));
  if (registrations.length === 0) return;
  const candidates = registrationCandidates(parseModule(input.filename, input.text), resolveAny);
  const missed = registrations.filter((registration) => !candidates.has(registration.file));
  if (missed.length > 0)
    throw new Error(
      `the registration pre-check does not name ${missed.map((registration) => registration.file).join(', ')} in ${input.filename}, where ${missed[0]!.via}`,
    );
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

/** Forgets every cross-module answer (registrations, helpers, mounts, summaries): tests that read fixture projects from disk. */
export function clearCrossModuleCaches(): void {
  clearComposedRegistrations();
  clearRegistrationHelpers();
  clearExportRegistrations();
  clearProjectMountsCache();
  clearModuleSummaryCache();
}
