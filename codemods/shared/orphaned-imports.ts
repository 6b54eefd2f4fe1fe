/**
 * Imports a rewrite left unused: a binding the file used before the codemod's edits and no
 * longer uses after them (`import { after } from 'next/server'` once `after(() => …)` became
 * `await enqueue(…)`). Only those are removed; an import the user already left unused stays, and
 * so does every import the file still references. Removal is by text range, like every edit.
 */
import ts from 'typescript';
import type { TextEdit } from './text-edit.js';

function scriptKindOf(file: string): ts.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** How often each name is referenced as an identifier outside the import declarations. */
function referenceCounts(source: ts.SourceFile): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return counts;
}

/** Edits to `after` that remove the imports its rewrite orphaned; none when there are none. */
export function orphanedImportEdits(file: string, before: string, after: string): TextEdit[] {
  const kind = scriptKindOf(file);
  const usedBefore = referenceCounts(ts.createSourceFile(file, before, ts.ScriptTarget.Latest, true, kind));
  const source = ts.createSourceFile(file, after, ts.ScriptTarget.Latest, true, kind);
  const usedAfter = referenceCounts(source);
  const orphaned = (name: ts.Identifier): boolean => (usedBefore.get(name.text) ?? 0) > 0 && (usedAfter.get(name.text) ?? 0) === 0;
  const edits: TextEdit[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause || statement.importClause.phaseModifier === ts.SyntaxKind.TypeKeyword)
      continue;
    const clause = statement.importClause;
    const named = clause.namedBindings;
    const elements = named && ts.isNamedImports(named) ? named.elements : undefined;
    const defaultGone = clause.name !== undefined && orphaned(clause.name);
    const namespaceGone = named !== undefined && ts.isNamespaceImport(named) && orphaned(named.name);
    const goneElements = new Set((elements ?? []).filter((element) => !element.isTypeOnly && orphaned(element.name)));
    const namedGone = namespaceGone || (elements !== undefined && elements.length > 0 && goneElements.size === elements.length);
    const defaultStays = clause.name !== undefined && !defaultGone;
    const namedStays = named !== undefined && !namedGone;
    if (!defaultGone && !namespaceGone && goneElements.size === 0) continue;
    if (!defaultStays && !namedStays) {
      // The whole declaration and its line break: no blank line is left behind.
      const lineEnd = /^[ \t]*\r?\n/.exec(after.slice(statement.end));
      edits.push({ start: statement.getStart(source), end: statement.end + (lineEnd?.[0].length ?? 0), text: '' });
      continue;
    }
    if (defaultGone) edits.push({ start: clause.name.getStart(source), end: named!.getStart(source), text: '' }); // `x, `
    if (namedGone)
      edits.push({ start: clause.name!.end, end: named!.end, text: '' }); // `, { a }` or `, * as ns`
    else if (elements && goneElements.size > 0) edits.push(...elementEdits(source, elements, goneElements));
  }
  return edits;
}

/** Removes runs of named imports with one comma each: a run before a kept one takes the comma after it, a final run the comma before it. */
function elementEdits(
  source: ts.SourceFile,
  elements: ts.NodeArray<ts.ImportSpecifier>,
  gone: ReadonlySet<ts.ImportSpecifier>,
): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let index = 0; index < elements.length; index += 1) {
    if (!gone.has(elements[index]!)) continue;
    let last = index;
    while (last + 1 < elements.length && gone.has(elements[last + 1]!)) last += 1;
    const next = elements[last + 1];
    edits.push(
      next
        ? { start: elements[index]!.getStart(source), end: next.getStart(source), text: '' }
        : { start: elements[index - 1]!.end, end: elements[last]!.end, text: '' },
    );
    index = last;
  }
  return edits;
}
