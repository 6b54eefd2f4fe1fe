import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ManifestError } from './manifest-error.js';
import { syntaxIssues } from './parse-manifest/syntax-issues.js';
import type { Role } from './types.js';

/** A declaration to add to a manifest (`fleet routes --init` writes `role: ide-only, reason: unreviewed`). */
export interface NewDeclaration {
  readonly method: string;
  readonly path: string;
  readonly role: Role;
  readonly reason?: string | undefined;
}

/**
 * Appends declarations to the end of the manifest's `routes` list by inserting text, so existing
 * content, formatting and comments stay byte for byte. Each declaration becomes one flow line,
 * `- { method: GET, path: "/x/{id}", role: ide-only, reason: unreviewed }`. Empty text becomes a
 * new manifest with `version: 1`. Throws `ManifestError` when the text is not valid YAML or not a
 * mapping (fix the manifest first).
 */
export function appendDeclarations(sourceText: string, declarations: readonly NewDeclaration[]): string {
  if (sourceText.trim() === '') return `version: 1\nroutes:\n${lines(declarations, '  ')}`;
  if (declarations.length === 0) return sourceText;
  const counter = new LineCounter();
  const document = parseDocument(sourceText, { lineCounter: counter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ManifestError('fleet.routes.yaml', syntaxIssues('fleet.routes.yaml', sourceText, counter, document.errors));
  }
  const root = document.contents;
  if (!isMap(root)) {
    throw new ManifestError('fleet.routes.yaml', [
      {
        file: 'fleet.routes.yaml',
        line: 1,
        column: 1,
        code: 'shape',
        message: 'A manifest is a mapping that starts with `version: 1` and lists `routes:`.',
      },
    ]);
  }
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'routes');
  const text = sourceText.endsWith('\n') ? sourceText : `${sourceText}\n`;
  if (!pair) return `${text}routes:\n${lines(declarations, '  ')}`;
  const value = pair.value as Node | null;
  if (isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    const start = value.range[0];
    const indent = ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1));
    return insertAfterLine(text, value.range[1], lines(declarations, indent));
  }
  if (isSeq(value) && value.items.length > 0) {
    // A non-empty flow list `routes: [ … ]`: text insertion would have to respect flow syntax,
    // so let the YAML library add the items (it keeps comments).
    for (const d of declarations) value.add(document.createNode(plain(d)));
    return document.toString();
  }
  // `routes:`, `routes: ~` or `routes: []`: cut the empty value out of its line (keeping any
  // comment) and start a block list below the key.
  const key = pair.key as Node;
  const keyEnd = key.range?.[1] ?? 0;
  const lineEnd = text.indexOf('\n', keyEnd);
  const range = value?.range;
  const head =
    range && range[1] > range[0] && range[0] >= keyEnd && range[1] <= lineEnd
      ? text.slice(0, range[0]).trimEnd() + text.slice(range[1], lineEnd)
      : text.slice(0, lineEnd);
  const keyIndent = ' '.repeat((key.range?.[0] ?? 0) - (text.lastIndexOf('\n', keyEnd - 1) + 1));
  return `${head}\n${lines(declarations, `${keyIndent}  `)}${text.slice(lineEnd + 1)}`;
}

function plain(d: NewDeclaration): Record<string, string> {
  const result: Record<string, string> = { method: d.method.toUpperCase(), path: d.path, role: d.role };
  if (d.reason !== undefined) result.reason = d.reason;
  return result;
}

function insertAfterLine(text: string, offset: number, inserted: string): string {
  const newline = text.indexOf('\n', Math.max(0, offset - 1));
  const at = newline === -1 ? text.length : newline + 1;
  return text.slice(0, at) + inserted + text.slice(at);
}

function lines(declarations: readonly NewDeclaration[], indent: string): string {
  return declarations
    .map((d) => {
      const fields = [`method: ${scalar(d.method.toUpperCase())}`, `path: ${scalar(d.path)}`, `role: ${d.role}`];
      if (d.reason !== undefined) fields.push(`reason: ${scalar(d.reason)}`);
      return `${indent}- { ${fields.join(', ')} }\n`;
    })
    .join('');
}

// Plain when YAML reads it back as the same string inside a flow mapping; double-quoted otherwise.
function scalar(value: string): string {
  return /^[A-Za-z0-9/][\w./-]*(?: [\w./-]+)*$/.test(value) && !/^(?:true|false|null|yes|no|on|off|~|[\d.]+)$/i.test(value)
    ? value
    : JSON.stringify(value);
}
