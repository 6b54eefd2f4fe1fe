import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import type { ChangedFile } from '../../src/review/changed-lines.js';
import { planReview } from '../../src/review/plan.js';

const FILE: ChangedFile = { added: new Set([12, 13]), commentable: new Set([10, 11, 12, 13, 14, 15]), hunks: [[10, 15]] };
const changed = new Map([['app/src/a.ts', FILE]]);

function finding(fingerprint: string, line: number, endLine: number, suggestions: Finding['suggestions'] = []): Finding {
  return {
    ruleId: 'fleet/no-floating-work-in-handler',
    file: 'src/a.ts',
    start: { line, column: 3 },
    end: { line: endLine, column: 10 },
    message: 'Found.',
    severity: 'error',
    fatal: false,
    snippet: 'x',
    fingerprint,
    suggestions,
  };
}

const multiLine = finding('aa', 12, 13, [
  {
    description: 'Await it.',
    start: { line: 12, column: 3 },
    end: { line: 13, column: 5 },
    text: 'await x(',
    wholeLines: { startLine: 12, endLine: 13, lines: '  await x(\n  );' },
  },
]);
const onContext = finding('bb', 14, 14);
const outside = finding('cc', 30, 30);

describe('planReview', () => {
  it('spans a multi-line suggestion with start_line..line on the right side', () => {
    const plan = planReview([{ finding: multiLine, path: 'app/src/a.ts' }], changed, { mode: 'added', maxComments: 30, posted: new Set() });
    expect(
      plan.comments.map(({ body, ...place }) => ({ ...place, suggestion: body.includes('```suggestion\n  await x(\n  );\n```') })),
    ).toEqual([{ path: 'app/src/a.ts', start_line: 12, start_side: 'RIGHT', line: 13, side: 'RIGHT', suggestion: true }]);
  });

  it('keeps a finding on a context line only in diff_context mode', () => {
    const items = [{ finding: onContext, path: 'app/src/a.ts' }];
    expect(planReview(items, changed, { mode: 'added', maxComments: 30, posted: new Set() }).inScope).toEqual([]);
    expect(
      planReview(items, changed, { mode: 'diff_context', maxComments: 30, posted: new Set() }).comments.map((comment) => comment.line),
    ).toEqual([14]);
  });

  it('sends a finding outside the hunks to the body in file mode, and skips what was posted', () => {
    const items = [
      { finding: outside, path: 'app/src/a.ts' },
      { finding: multiLine, path: 'app/src/a.ts' },
    ];
    const plan = planReview(items, changed, { mode: 'file', maxComments: 30, posted: new Set(['aa']) });
    expect(plan.comments).toEqual([]);
    expect(plan.overflow.map((item) => item.finding.fingerprint)).toEqual(['cc']);
    expect(plan.alreadyPosted).toBe(1);
  });
});
