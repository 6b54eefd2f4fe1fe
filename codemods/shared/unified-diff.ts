/**
 * A unified diff (as `git diff` prints it) for `--dry`. Codemod edits are small and local, so
 * the common head and tail are cut first and only the middle goes through an LCS table.
 */

const CONTEXT = 3;

type Op = readonly [' ' | '-' | '+', string];

/** The unified diff of `before` → `after` with `label` as both names; `''` when they are equal. */
export function unifiedDiff(label: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const ops: Op[] = [
    ...a.slice(0, head).map((line): Op => [' ', line]),
    ...middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line): Op => [' ', line]),
  ];
  return `--- a/${label}\n+++ b/${label}\n${hunks(ops).join('')}`;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function middle(a: readonly string[], b: readonly string[]): Op[] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push([' ', a[i]!]);
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || table[i + 1]![j]! >= table[i]![j + 1]!)) {
      ops.push(['-', a[i]!]);
      i += 1;
    } else {
      ops.push(['+', b[j]!]);
      j += 1;
    }
  }
  return ops;
}

function hunks(ops: readonly Op[]): string[] {
  const changed = ops.flatMap((op, index) => (op[0] === ' ' ? [] : [index]));
  const out: string[] = [];
  let index = 0;
  while (index < changed.length) {
    const start = Math.max(0, changed[index]! - CONTEXT);
    let end = changed[index]! + 1;
    while (index < changed.length && changed[index]! <= end + 2 * CONTEXT) {
      end = changed[index]! + 1;
      index += 1;
    }
    end = Math.min(ops.length, end + CONTEXT);
    const slice = ops.slice(start, end);
    const oldStart = ops.slice(0, start).filter((op) => op[0] !== '+').length + 1;
    const newStart = ops.slice(0, start).filter((op) => op[0] !== '-').length + 1;
    const oldCount = slice.filter((op) => op[0] !== '+').length;
    const newCount = slice.filter((op) => op[0] !== '-').length;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n${slice.map(([mark, line]) => `${mark}${line}\n`).join('')}`);
  }
  return out;
}
