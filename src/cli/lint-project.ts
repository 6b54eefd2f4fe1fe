/**
 * Runs Fleet's rules over a list of files and never gives up on the whole run because of one
 * file. ESLint's `lintFiles` is fastest on a long list, but a rule that throws rejects the whole
 * call; so files go in batches, and a batch that throws is re-linted file by file to pin the
 * crash on its file while the other files still get their findings.
 */
import type { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { buildScanConfig } from './eslint-config.js';
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
  /** Called after each batch with the number of files done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

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
  const config = (typesRoot: string | undefined) =>
    buildScanConfig({ ruleIds: options.ruleIds, typesRoot, ...(options.rules ? { rules: options.rules } : {}), ...(options.settings ? { settings: options.settings } : {}) });
  const untyped = createEslint(options.root, config(undefined));
  const typed = options.types ? createEslint(options.root, config(options.root)) : undefined;
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
    options.onProgress?.(Math.min(start + batchSize, options.files.length), options.files.length);
  }
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { results, typedFiles };
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
    ruleFilter: ({ ruleId }) => ruleId.startsWith('fleet/'),
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

/**
 * Drops what the user's own directives provoke (`Definition for rule 'react/jsx-key' was not
 * found`, malformed `eslint` config comments): a scan answers for Fleet's rules only. Parsing
 * errors and rule crashes stay. Counts are recomputed so the JSON output stays consistent.
 */
function keepFleetMessages(result: ESLint.LintResult): ESLint.LintResult {
  const ours = (message: Linter.LintMessage) =>
    !isLegacyEnvComment(message) && (message.fatal === true || message.ruleId?.startsWith('fleet/') === true);
  if (result.messages.every(ours) && result.suppressedMessages.every(ours)) return result;
  const messages = result.messages.filter(ours);
  const count = (predicate: (message: Linter.LintMessage) => boolean) => messages.filter(predicate).length;
  return {
    ...result,
    messages,
    suppressedMessages: result.suppressedMessages.filter(ours),
    errorCount: count((message) => message.severity === 2),
    fatalErrorCount: count((message) => message.fatal === true),
    warningCount: count((message) => message.severity === 1),
    fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
    fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
  };
}

function isParseFailure(result: ESLint.LintResult): boolean {
  return result.messages.some((message) => message.fatal === true && message.ruleId === null && !isLegacyEnvComment(message));
}

/**
 * ESLint 10 flags a user's `/* eslint-env jest *\/` comment as a fatal problem although the
 * file was parsed and linted: it concerns the user's own ESLint setup, which a scan ignores.
 */
function isLegacyEnvComment(message: Linter.LintMessage): boolean {
  return message.ruleId === null && message.message.startsWith('/* eslint-env */ comments are no longer supported');
}

/** ESLint appends `Occurred while linting <file>:<line>` and `Rule: "<id>"` to a rule's error. */
function crashResult(filePath: string, error: unknown): ESLint.LintResult {
  const details = error as { message?: unknown; ruleId?: unknown; currentNode?: { loc?: { start?: { line?: number; column?: number } } } };
  const fullMessage = typeof details.message === 'string' ? details.message : String(error);
  const reason = fullMessage.split('\nOccurred while linting')[0]!.trim();
  const ruleId = typeof details.ruleId === 'string' ? details.ruleId : null;
  const start = details.currentNode?.loc?.start;
  const message: Linter.LintMessage = {
    ruleId,
    fatal: true,
    severity: 2,
    message: `${ruleId ? `Rule \`${ruleId}\`` : 'ESLint'} crashed on this file: ${reason}`,
    line: start?.line ?? 1,
    column: (start?.column ?? 0) + 1,
  };
  return {
    filePath,
    messages: [message],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
