/**
 * Line and column arithmetic over one file's text, as ESLint counts them: lines 1-based,
 * columns 1-based in UTF-16 code units, ranges as character offsets.
 */

/** Offsets and lines of one source text. */
export class SourceLines {
  readonly lines: readonly string[];
  /** Offset of the first character of each line (index 0 = line 1). */
  readonly #starts: readonly number[];

  constructor(readonly text: string) {
    this.lines = text.split(/\r\n|\r|\n/);
    const starts = [0];
    for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
    this.#starts = starts;
  }

  /** Line `line` (1-based) without its end of line; `''` past the end. */
  line(line: number): string {
    return this.lines[line - 1] ?? '';
  }

  /** The text between two 1-based positions (end exclusive), clamped to the file. */
  slice(line: number, column: number, endLine: number, endColumn: number): string {
    return this.text.slice(this.offsetOf(line, column), this.offsetOf(endLine, endColumn));
  }

  /** The character offset of a 1-based line and column. */
  offsetOf(line: number, column: number): number {
    const start = this.#starts[Math.min(Math.max(line, 1), this.#starts.length) - 1]!;
    return Math.min(start + Math.max(column, 1) - 1, this.text.length);
  }

  /** The 1-based line and column of a character offset. */
  positionOf(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.#starts[low]! + 1 };
  }
}
