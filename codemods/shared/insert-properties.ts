/**
 * Adds properties to an object literal by text: after its last property (keeping or adding the
 * comma) or inside an empty `{}`, indented like its siblings. One call per object per run, so
 * several new properties never compete for the same offset.
 */
import type { ObjectLiteralExpression } from 'ts-morph';
import type { ChangeSet } from './change-set.js';
import { newlineOf } from './text-edit.js';

/** Queues `entries` (`Name: value`, no trailing comma) at the end of `object` in `file`. */
export function insertProperties(changes: ChangeSet, file: string, object: ObjectLiteralExpression, entries: readonly string[]): void {
  if (entries.length === 0) return;
  const text = changes.original(file);
  const newline = newlineOf(text);
  const last = object.getProperties().at(-1);
  if (!last) {
    const lineStart = text.lastIndexOf('\n', object.getStart()) + 1;
    const base = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const inner = `${base}  `;
    changes.edit(file, {
      start: object.getStart() + 1,
      end: object.getEnd() - 1,
      text: `${newline}${entries.map((entry) => `${inner}${entry},`).join(newline)}${newline}${base}`,
    });
    return;
  }
  const indent = /[ \t]*$/.exec(text.slice(0, last.getStart()))![0];
  const sameLine = !/\n/.test(text.slice(object.getStart(), last.getStart()));
  const separator = sameLine ? ' ' : `${newline}${indent}`;
  const trailing = /^\s*,/.exec(text.slice(last.getEnd()));
  if (trailing) {
    const at = last.getEnd() + trailing[0].length;
    changes.edit(file, { start: at, end: at, text: entries.map((entry) => `${separator}${entry},`).join('') });
  } else {
    changes.edit(file, { start: last.getEnd(), end: last.getEnd(), text: entries.map((entry) => `,${separator}${entry}`).join('') });
  }
}
