import { parsePattern } from '../parse-pattern.js';
import type { Declaration, Role } from '../types.js';
import { methodNamed, ROLES } from './read-declaration.js';

/**
 * A reader for the layout `fleet routes --init` and `--append` write, one flow mapping per route:
 *
 *     version: 1
 *     routes:
 *       - { method: GET, path: "/api/items/{id}", role: fleet-ok }   # a comment
 *
 * It exists for speed: the YAML library reads a 2,000-route manifest in about 150 ms and 120 MB of
 * allocation, which every lint process, editor start-up and server start pays once. This reader
 * accepts only text whose meaning it can state without doubt: `version: 1` and `routes:` at the
 * start of a line, comment and blank lines, and items `- { key: value, ... }` at one indentation,
 * each key one of `method`, `path`, `role`, `reason` once, each value a double-quoted string without
 * escapes or a plain word that YAML reads as a string (it starts with a letter, `/` or `_`, has no
 * flow indicator, `:`, `#` or quote, and is not `null`, `true` or `false`). Every declaration must
 * also be valid. For anything else (other layouts, block mappings, escapes, a tab, a CR, a problem
 * to report) it returns `undefined` and `parseManifest` reads the text with the YAML library, which
 * gives the same declarations for this layout and positioned errors for the rest.
 */
export function readCanonical(source: string): Declaration[] | undefined {
  if (UNSAFE_CHARACTER.test(source)) return undefined;
  const lines = source.split('\n');
  const declarations: Declaration[] = [];
  let versionSeen = false;
  let routesSeen = false;
  /** The indentation of the route items, once the first one is read. */
  let indent: number | undefined;
  /** True while lines may still be items of `routes` (from `routes:` to the next top-level key). */
  let inRoutes = false;
  for (const [index, line] of lines.entries()) {
    if (BLANK_OR_COMMENT.test(line)) continue;
    if (VERSION.test(line)) {
      if (versionSeen) return undefined;
      versionSeen = true;
      inRoutes = false;
      continue;
    }
    if (ROUTES.test(line)) {
      if (routesSeen) return undefined;
      routesSeen = true;
      inRoutes = true;
      continue;
    }
    const item = ITEM.exec(line);
    if (!item || !inRoutes) return undefined;
    const at = item[1]!.length;
    if (indent !== undefined && at !== indent) return undefined;
    indent = at;
    const declaration = readItem(line, at + 2, index + 1, declarations.length);
    if (!declaration) return undefined;
    declarations.push(declaration);
  }
  return versionSeen && routesSeen ? declarations : undefined;
}

// Tabs, CRs, control characters, a byte-order mark and non-characters: the YAML library decides.
const UNSAFE_CHARACTER = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]/;
const BLANK_OR_COMMENT = /^ *(?:#.*)?$/;
const VERSION = /^version: +1 *(?: #.*)?$/;
const ROUTES = /^routes: *(?: #.*)?$/;
const ITEM = /^( *)- \{/;
const KEY = /(method|path|role|reason): +/y;
const QUOTED = /"([^"\\]*)"/y;
// A plain scalar YAML reads as a string in a flow mapping: no indicator first, no `,[]{}#:"`.
const PLAIN = /[A-Za-z/_][^,[\]{}#:"]*/y;
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const SPACES = / */y;
const END = / *(?: #.*)?$/y;

/** One `- { ... }` item starting its mapping at `open` (the offset of `{`), or `undefined`. */
function readItem(line: string, open: number, lineNumber: number, index: number): Declaration | undefined {
  const values = new Map<string, string>();
  let at = open + 1;
  for (;;) {
    at = skip(SPACES, line, at);
    KEY.lastIndex = at;
    const key = KEY.exec(line);
    if (!key || values.has(key[1]!)) return undefined;
    at = KEY.lastIndex;
    let value: string;
    if (line[at] === '"') {
      QUOTED.lastIndex = at;
      const quoted = QUOTED.exec(line);
      if (!quoted) return undefined;
      value = quoted[1]!;
      at = QUOTED.lastIndex;
    } else {
      PLAIN.lastIndex = at;
      const plain = PLAIN.exec(line);
      if (!plain) return undefined;
      value = plain[0].trimEnd();
      if (NOT_A_STRING.test(value)) return undefined;
      at = PLAIN.lastIndex;
    }
    values.set(key[1]!, value);
    at = skip(SPACES, line, at);
    if (line[at] === ',') {
      at += 1;
      continue;
    }
    if (line[at] !== '}') return undefined;
    END.lastIndex = at + 1;
    if (!END.test(line) || END.lastIndex !== line.length) return undefined;
    break;
  }
  return declarationOf(values, index, { line: lineNumber, column: open + 1 });
}

function skip(pattern: RegExp, line: string, at: number): number {
  pattern.lastIndex = at;
  pattern.exec(line);
  return pattern.lastIndex;
}

/** The declaration the values make, checked as `readDeclaration` checks them; `undefined` when any check fails. */
function declarationOf(values: ReadonlyMap<string, string>, index: number, position: Declaration['position']): Declaration | undefined {
  const methodText = values.get('method')?.trim();
  const path = values.get('path');
  const role = values.get('role');
  const reasonText = values.get('reason');
  if (!methodText || path === undefined || path.trim() === '' || role === undefined || role.trim() === '') return undefined;
  const method = methodNamed(methodText);
  if (method === undefined || !(ROLES as readonly string[]).includes(role)) return undefined;
  const reason = reasonText?.trim();
  if (reasonText !== undefined && !reason) return undefined;
  if (role === 'ide-only' && reason === undefined) return undefined;
  const parsed = parsePattern(path);
  if (!parsed.ok) return undefined;
  return { method, path: parsed.pattern.text, pattern: parsed.pattern, role: role as Role, reason, index, position };
}
