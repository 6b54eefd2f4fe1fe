/**
 * Everything one codemod run would change: text edits to existing files (applied bottom-up,
 * nothing else in the file moves), imports to add, imports the edits left unused to remove, and
 * new files (only when absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { orphanedImportEdits } from './orphaned-imports.js';
import { applyEdits, newlineOf, quoteOf } from './text-edit.js';
import type { TextEdit } from './text-edit.js';

/** Pending changes, keyed by absolute path. */
export class ChangeSet {
  readonly #edits = new Map<string, TextEdit[]>();
  readonly #imports = new Map<string, Map<string, string>>();
  readonly #created = new Map<string, string>();
  readonly #originals = new Map<string, string>();

  /** The current text of `file` as this run started (created files: their planned text). */
  original(file: string): string {
    const created = this.#created.get(file);
    if (created !== undefined) return created;
    let text = this.#originals.get(file);
    if (text === undefined) {
      text = readFileSync(file, 'utf8');
      this.#originals.set(file, text);
    }
    return text;
  }

  /** Queues a text edit of an existing file. */
  edit(file: string, edit: TextEdit): void {
    this.original(file);
    const list = this.#edits.get(file) ?? [];
    list.push(edit);
    this.#edits.set(file, list);
  }

  /**
   * True when `span` overlaps an edit already queued for `file`: a site nested in the work of a
   * site rewritten before it (its text is gone with the outer span). Insertions only conflict
   * strictly inside a replaced span.
   */
  overlaps(file: string, span: { start: number; end: number }): boolean {
    return (this.#edits.get(file) ?? []).some((edit) => spansOverlap(edit, span));
  }

  /**
   * Queues an import line (written with `'` and rewritten to the file's quote style), inserted
   * after `offset` (the end of the file's last import, or where its statements start). Adding the
   * same line twice adds it once.
   */
  addImport(file: string, line: string, offset: number): void {
    const text = this.original(file);
    const quote = quoteOf(text);
    const imports = this.#imports.get(file) ?? new Map<string, string>();
    imports.set(line.replaceAll("'", quote), String(offset));
    this.#imports.set(file, imports);
  }

  /** Plans a new file; returns false (and changes nothing) when the file exists or is planned. */
  create(file: string, text: string): boolean {
    if (existsSync(file) || this.#created.has(file)) return false;
    this.#created.set(file, text);
    return true;
  }

  /** True when `file` is a new file of this run. */
  isCreated(file: string): boolean {
    return this.#created.has(file);
  }

  /** Appends text to a file planned by {@link create} (used to grow a new tasks file). */
  replaceCreated(file: string, text: string): void {
    this.#created.set(file, text);
  }

  /** Each changed or created file with its text before (`undefined` when new) and after. */
  results(): { file: string; before: string | undefined; after: string }[] {
    const files = new Set([...this.#edits.keys(), ...this.#imports.keys()]);
    const out = [...files].map((file): { file: string; before: string | undefined; after: string } => {
      const before = this.original(file);
      const newline = newlineOf(before);
      const importEdits = [...(this.#imports.get(file) ?? new Map<string, string>())].map(([line, offset]): TextEdit => {
        const at = Number(offset);
        return at === 0 ? { start: 0, end: 0, text: `${line}${newline}` } : { start: at, end: at, text: `${newline}${line}` };
      });
      const after = applyEdits(before, [...importEdits, ...(this.#edits.get(file) ?? [])]);
      // An import only the rewritten site used (`after` from next/server) goes with it.
      return { file, before, after: applyEdits(after, orphanedImportEdits(file, before, after)) };
    });
    for (const [file, text] of this.#created) out.push({ file, before: undefined, after: text });
    return out.filter((entry) => entry.before !== entry.after).sort((a, b) => (a.file < b.file ? -1 : 1));
  }
}

function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
