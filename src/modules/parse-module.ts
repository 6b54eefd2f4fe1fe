/**
 * The one parser for modules read from disk (imported modules the linted file depends on): TypeScript's
 * own syntax tree, no type information, no JSDoc. Summaries and the rules' imported-constant
 * readers parse here; the route inventory reads files through the ESLint tree it also lints.
 */
import path from 'node:path';
import type * as TS from 'typescript';
import { ts } from './typescript.js';

const SCRIPT_KINDS: Readonly<Record<string, TS.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.jsx': ts.ScriptKind.JSX,
};
// Nothing here reads JSDoc. The enum exists from TypeScript 5.3; older versions parse JSDoc anyway.
const JSDOC_PARSE_NONE = (ts as { readonly JSDocParsingMode?: typeof TS.JSDocParsingMode }).JSDocParsingMode?.ParseNone;

/**
 * Parses `text` as the module `file` (the extension picks TS, TSX, JSX or JavaScript). Throws a
 * `SyntaxError` on the first syntax error, as typescript-estree's `parse` does.
 */
export function parseModule(file: string, text: string): TS.SourceFile {
  // `.js`, `.mjs`, `.cjs` and unknown extensions: JavaScript, which TypeScript parses with JSX.
  const kind = SCRIPT_KINDS[path.extname(file)] ?? ts.ScriptKind.JS;
  const source = ts.createSourceFile(
    file,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: JSDOC_PARSE_NONE },
    false,
    kind,
  );
  // `parseDiagnostics` is internal to TypeScript; typescript-estree reads it the same way.
  const [syntaxError] = (source as unknown as { readonly parseDiagnostics?: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (syntaxError)
    throw new SyntaxError(`${file}: ${ts.flattenDiagnosticMessageText(syntaxError.messageText, '\n')} (offset ${syntaxError.start})`);
  return source;
}
