/**
 * Sites are exactly what `no-floating-work-in-handler` reports: the codemod runs the rule through
 * `fleet scan`'s linting (one handler model, no second detector) and keeps each report's
 * message id and source range.
 */
import { readFileSync } from 'node:fs';
import { clearCaches } from '@typescript-eslint/typescript-estree';
import { lintProject } from '../../src/cli/lint-project.js';
import { collectGarbage } from './heap-growth.js';
import type { ScanPhase } from '../../src/cli/lint-project.js';

/** One report of a Fleet rule, as a source range. */
export interface ReportedSite {
  /** Absolute path. */
  readonly file: string;
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  /** 1-based line and column of the start, as ESLint reports them. */
  readonly line: number;
  readonly column: number;
  /** Offsets `[start, end)` of the reported node in the file's text. */
  readonly start: number;
  readonly end: number;
}

/** What the rule run found, plus the files ESLint could not parse. */
export interface FoundSites {
  readonly sites: readonly ReportedSite[];
  /** `file: message` for each file with a fatal (parse) error. */
  readonly fatal: readonly { file: string; message: string }[];
}

/** Lints `files` with the rule `ruleId` and returns its reports, file by file in path order. */
export async function findSites(options: {
  root: string;
  files: readonly string[];
  ruleId: string;
  types: boolean;
  /** See `LintProjectOptions.programs`: a function defers building the program to the typed pass. */
  programs?: readonly unknown[] | (() => readonly unknown[]);
  onProgress?: (done: number, total: number, phase: ScanPhase) => void;
}): Promise<FoundSites> {
  const { results } = await lintProject({
    root: options.root,
    files: options.files,
    ruleIds: [options.ruleId],
    types: options.types,
    ...(options.programs ? { programs: options.programs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // The typed pass may have run on typescript-eslint's project service (no root tsconfig, or no
  // program given): its programs stay cached at module level until cleared, beside the program
  // the codemod builds next for planning.
  clearCaches();
  if (options.types && !options.programs) collectGarbage();
  const sites: ReportedSite[] = [];
  const fatal: { file: string; message: string }[] = [];
  for (const result of results) {
    const starts = lineStarts(result.source ?? readFileSync(result.filePath, 'utf8'));
    for (const message of result.messages) {
      if (message.fatal === true) {
        fatal.push({ file: result.filePath, message: `${message.line}:${message.column} ${message.message}` });
        continue;
      }
      if (message.ruleId !== `fleet/${options.ruleId}` || message.messageId === undefined) continue;
      const offset = (line: number, column: number) => (starts[line - 1] ?? 0) + column - 1;
      sites.push({
        file: result.filePath,
        ruleId: options.ruleId,
        messageId: message.messageId,
        message: message.message,
        line: message.line,
        column: message.column,
        start: offset(message.line, message.column),
        end: offset(message.endLine ?? message.line, message.endColumn ?? message.column),
      });
    }
  }
  return { sites, fatal };
}

/** Offsets where each line starts, splitting lines as ESLint does. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const breaks = /\r\n|[\r\n\u2028\u2029]/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}
