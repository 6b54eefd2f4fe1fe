import type { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { formatProgress, formatText } from '../../src/cli/format.js';

function result(filePath: string, messages: Linter.LintMessage[]): ESLint.LintResult {
  const errors = messages.filter((m) => m.severity === 2).length;
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: errors,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

const floating = (line: number, column: number, message: string): Linter.LintMessage => ({
  ruleId: 'fleet/no-floating-work-in-handler',
  severity: 2,
  message,
  line,
  column,
});

describe('formatText', () => {
  it('groups findings by relative path, aligns columns, then sums by rule', () => {
    const text = formatText({
      root: '/repo',
      typedFiles: 3,
      minifiedSkipped: 0,
      results: [
        result('/repo/src/a.ts', [floating(3, 5, '`send()` floats.'), floating(120, 11, '`void` silences\n  `audit()`.')]),
        result('/repo/src/b.ts', []),
        result('/repo/src/c.ts', [
          { ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Unexpected token.', line: 1, column: 1 },
          {
            ruleId: 'fleet/no-floating-work-in-handler',
            fatal: true,
            severity: 2,
            message: 'Rule `fleet/no-floating-work-in-handler` crashed on this file: boom',
            line: 9,
            column: 1,
          },
        ]),
      ],
    });
    expect(text).toBe(
      [
        'src/a.ts',
        '  3:5     fleet/no-floating-work-in-handler          `send()` floats.',
        '  120:11  fleet/no-floating-work-in-handler          `void` silences `audit()`.',
        '',
        'src/c.ts',
        '  1:1     parse-error                                Parsing error: Unexpected token.',
        '  9:1     fleet/no-floating-work-in-handler (crash)  Rule `fleet/no-floating-work-in-handler` crashed on this file: boom',
        '',
        'Findings by rule:',
        '  fleet/no-floating-work-in-handler          2',
        '  fleet/no-floating-work-in-handler (crash)  1',
        '  parse-error                                1',
        '',
        '4 findings in 2 files: 3 files scanned, 3 with type information.',
        '',
      ].join('\n'),
    );
  });

  it('says so in one line when nothing is found', () => {
    expect(formatText({ root: '/repo', typedFiles: 0, minifiedSkipped: 2, results: [result('/repo/a.js', [])] })).toBe(
      'No Fleet findings: 1 file scanned, without type information, 2 minified files skipped.\n',
    );
  });
});

describe('formatProgress', () => {
  it('rewrites one line on a terminal and ends it on the last update', () => {
    expect(formatProgress(50, 120, true)).toBe('\rfleet scan: 50/120 files');
    expect(formatProgress(120, 120, true)).toBe('\rfleet scan: 120/120 files\n');
  });

  it('prints one line per update elsewhere', () => {
    expect(formatProgress(50, 120, false)).toBe('fleet scan: 50/120 files\n');
  });
});
