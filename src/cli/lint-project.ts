/**
 * Runs Fleet's rules over a list of files and never gives up on the whole run because of one
 * file. ESLint's `lintFiles` is fastest on a long list, but a rule that throws rejects the whole
 * call; so files go in batches, and a batch that throws is re-linted file by file to pin the
 * crash on its file while the other files still get their findings.
 */
import type { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { buildScanConfig, TYPE_AWARE_RULE_IDS } from './eslint-config.js';
import { HANDLERS_MARKER } from './handlers-marker.js';
import { crashResult, isParseFailure, keepFleetMessages } from './lint-results.js';
import { mergeTyped } from './merge-typed.js';
import { quietEslint } from './quiet-eslint.js';
import type { ScanRules } from './eslint-config.js';

/** Options of {@link lintProject}. */
export interface LintProjectOptions {
  /** Absolute scan root: ESLint's `cwd`, and where the project service looks for `tsconfig.json`. */
  readonly root: string;
  /** Absolute paths of the files to lint. */
  readonly files: readonly string[];
  /** Rule ids without the `fleet/` prefix. */
  readonly ruleIds: readonly string[];
  /** Lint with type information (typescript-eslint `projectService`); files no tsconfig covers fall back to no types. */
  readonly types: boolean;
  /** Rule implementations by id. Default: Fleet's rules. */
  readonly rules?: ScanRules;
  /** The project's `settings.fleet` (see scan-settings.ts). Default: none. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Files per `lintFiles` call. Default 50. */
  readonly batchSize?: number;
  /** Called after each batch with the files done so far in the current phase. */
  readonly onProgress?: (done: number, total: number, phase: ScanPhase) => void;
  /**
   * With `types`, the rules that get type information, and only in files holding handlers (the
   * second phase). Default: {@link TYPE_AWARE_RULE_IDS} for Fleet's rules; with injected `rules`,
   * none given means every file is linted with types in one pass.
   */
  readonly typeAwareRuleIds?: readonly string[];
  /**
   * With `types`: TypeScript programs (`ts.Program`) to take types from instead of the project
   * service; a file in none of them is linted without types. Default: the project service. A
   * function is called once, when the typed pass starts: a caller can then build its program
   * after the syntactic pass, which then runs without a whole program live in the heap.
   */
  readonly programs?: readonly unknown[] | (() => readonly unknown[]);
}

/** The syntactic first pass over every file, or the typed pass over the files with handlers. */
export type ScanPhase = 'syntax' | 'types';

/** What {@link lintProject} found. */
export interface LintProjectOutcome {
  /** One ESLint result per file, sorted by path; a rule crash is a fatal message of that rule. */
  readonly results: ESLint.LintResult[];
  /** Files that were linted with type information. */
  readonly typedFiles: number;
}

const DEFAULT_BATCH_SIZE = 50;

/** Lints `files` with Fleet's rules; see {@link LintProjectOptions}. */
export async function lintProject(options: LintProjectOptions): Promise<LintProjectOutcome> {
  const typeAware = options.typeAwareRuleIds ?? (options.rules ? undefined : TYPE_AWARE_RULE_IDS);
  if (!options.types || typeAware === undefined) return lintInOnePass(options);
  // Two phases: every file without types (fast), then types only where they can matter: the
  // type-aware rules, in the files that hold handlers. One project service serves every tsconfig.
  const typedRuleIds = options.ruleIds.filter((id) => typeAware.includes(id));
  const syntactic = await lintFiles(
    options,
    createEslint(options.root, configOf(options, { ruleIds: options.ruleIds, markHandlers: typedRuleIds.length > 0 })),
    options.files,
    'syntax',
  );
  const handlerFiles = syntactic
    .filter((result) => result.messages.some((m) => m.ruleId === HANDLERS_MARKER))
    .map((result) => result.filePath);
  const byFile = new Map(syntactic.map((result) => [result.filePath, keepFleetMessages(result)]));
  let typedFiles = 0;
  if (handlerFiles.length > 0 && typedRuleIds.length > 0) {
    const typed = createEslint(options.root, configOf(options, { ruleIds: typedRuleIds, typesRoot: options.root }));
    const typedIds = new Set(typedRuleIds.map((id) => `fleet/${id}`));
    for (const result of await lintFiles(options, typed, handlerFiles, 'types')) {
      // A file no tsconfig includes keeps its syntactic findings.
      if (isParseFailure(result)) continue;
      typedFiles += 1;
      byFile.set(result.filePath, mergeTyped(byFile.get(result.filePath)!, keepFleetMessages(result), typedIds));
    }
  }
  return { results: sortByPath([...byFile.values()]), typedFiles };
}

function configOf(
  options: LintProjectOptions,
  overrides: { ruleIds: readonly string[]; typesRoot?: string; markHandlers?: boolean },
): Linter.Config[] {
  return buildScanConfig({
    ruleIds: overrides.ruleIds,
    typesRoot: overrides.typesRoot,
    ...(overrides.markHandlers ? { markHandlers: true } : {}),
    ...(overrides.typesRoot !== undefined && options.programs
      ? { programs: typeof options.programs === 'function' ? options.programs() : options.programs }
      : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
}

/** Lints in batches with progress; raw results (the caller filters them). */
async function lintFiles(
  options: LintProjectOptions,
  eslint: ESLint,
  files: readonly string[],
  phase: ScanPhase,
): Promise<ESLint.LintResult[]> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const results: ESLint.LintResult[] = [];
  for (let start = 0; start < files.length; start += batchSize) {
    results.push(...(await lintBatch(eslint, files.slice(start, start + batchSize))));
    options.onProgress?.(Math.min(start + batchSize, files.length), files.length, phase);
  }
  return results;
}

/** Every file in one pass: without types, or with types everywhere (rules injected by tests). */
async function lintInOnePass(options: LintProjectOptions): Promise<LintProjectOutcome> {
  const untyped = createEslint(options.root, configOf(options, { ruleIds: options.ruleIds }));
  const typed = options.types
    ? createEslint(options.root, configOf(options, { ruleIds: options.ruleIds, typesRoot: options.root }))
    : undefined;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const results: ESLint.LintResult[] = [];
  let typedFiles = 0;
  for (let start = 0; start < options.files.length; start += batchSize) {
    const batch = options.files.slice(start, start + batchSize);
    let batchResults = await lintBatch(typed ?? untyped, batch);
    if (typed) {
      // A file no tsconfig includes (or a tsconfig the project service cannot load) surfaces as
      // a fatal parsing error; such files are still worth scanning, just without types.
      const retry = new Set(batchResults.filter(isParseFailure).map((result) => result.filePath));
      typedFiles += batch.length - retry.size;
      if (retry.size > 0) {
        const fallback = new Map((await lintBatch(untyped, [...retry])).map((result) => [result.filePath, result]));
        batchResults = batchResults.map((result) => fallback.get(result.filePath) ?? result);
      }
    }
    results.push(...batchResults.map(keepFleetMessages));
    options.onProgress?.(Math.min(start + batchSize, options.files.length), options.files.length, options.types ? 'types' : 'syntax');
  }
  return { results: sortByPath(results), typedFiles };
}

function sortByPath(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
}

function createEslint(root: string, overrideConfig: Linter.Config[]): ESLint {
  return quietEslint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig,
    // Paths come from our own discovery: literal, existing, already filtered.
    globInputPaths: false,
    errorOnUnmatchedPattern: false,
    // A user's `/* eslint no-console: "error" */` may turn on core rules: a scan runs only Fleet's.
    ruleFilter: ({ ruleId }) => ruleId.startsWith('fleet/') || ruleId === HANDLERS_MARKER,
  });
}

async function lintBatch(eslint: ESLint, files: readonly string[]): Promise<ESLint.LintResult[]> {
  try {
    return await eslint.lintFiles([...files]);
  } catch (error) {
    if (files.length === 1) return [crashResult(files[0]!, error)];
    const results: ESLint.LintResult[] = [];
    for (const file of files) results.push(...(await lintBatch(eslint, [file])));
    return results;
  }
}
