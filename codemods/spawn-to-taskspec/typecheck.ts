/**
 * `--typecheck`: load the planned texts into the program and compare each touched file's errors
 * with before; a file that gains an error is rolled back (not written) and reported.
 */
import type { Project } from 'ts-morph';

/** Files that gain errors, with the first new error; the project is left with the new texts. */
export function typecheckChanges(
  project: Project,
  results: readonly { file: string; before: string | undefined; after: string }[],
): Map<string, string> {
  const count = (file: string) =>
    project
      .getSourceFile(file)
      ?.getPreEmitDiagnostics()
      .filter((diagnostic) => diagnostic.getCategory() === 1).length ?? 0;
  const before = new Map(results.map((entry) => [entry.file, entry.before === undefined ? 0 : count(entry.file)]));
  for (const entry of results) project.createSourceFile(entry.file, entry.after, { overwrite: true });
  const rejected = new Map<string, string>();
  for (const entry of results) {
    const diagnostics = project
      .getSourceFileOrThrow(entry.file)
      .getPreEmitDiagnostics()
      .filter((diagnostic) => diagnostic.getCategory() === 1);
    if (diagnostics.length > (before.get(entry.file) ?? 0)) {
      const first = diagnostics[0]!;
      const message = first.getMessageText();
      rejected.set(
        entry.file,
        `gains a type error at line ${first.getLineNumber() ?? '?'}: ${typeof message === 'string' ? message : message.getMessageText()}; left unchanged`,
      );
    }
  }
  return rejected;
}
