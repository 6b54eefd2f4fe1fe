/**
 * Text-range edits: the only way the codemods change a user's file. Bytes outside the replaced
 * spans stay identical (comments, CRLF, quotes, blank lines), unlike an AST reprint.
 */

/** Replace `[start, end)` of a file's text with `text`; an insertion has `start === end`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Applies non-overlapping edits to `source`. Insertions at the same offset keep their order.
 * Throws when two edits overlap, which is a planner bug, never a user error.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  let out = '';
  let cursor = 0;
  for (const { edit } of sorted) {
    if (edit.start < cursor) throw new Error(`fleet codemod: overlapping edits at offset ${edit.start}.`);
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + source.slice(cursor);
}

/** The newline a file uses: `\r\n` when its first line break is CRLF, else `\n`. */
export function newlineOf(source: string): string {
  const index = source.indexOf('\n');
  return index > 0 && source[index - 1] === '\r' ? '\r\n' : '\n';
}

/** The quote a file's imports use: `'` unless its first import specifier is double-quoted. */
export function quoteOf(source: string): string {
  const match = /\bfrom\s+(['"])/.exec(source);
  return match?.[1] ?? "'";
}
