/**
 * Adds `defineSchedule({...})` entries to the `schedules` array of the project's
 * `createFleet({...})` call (creating the property when absent), with the imports they need.
 */
import path from 'node:path';
import { Node, SyntaxKind } from 'ts-morph';
import type { ObjectLiteralExpression, Project } from 'ts-morph';
import type { ChangeSet } from '../shared/change-set.js';
import { insertProperties } from '../shared/insert-properties.js';
import { specifierFor, usesJsExtensions } from '../spawn-to-taskspec/module-paths.js';

/** The `createFleet` options of a project, where schedules are declared. */
export class FleetSchedules {
  readonly #options: ObjectLiteralExpression | undefined;
  readonly #pending: string[] = [];

  private constructor(options: ObjectLiteralExpression | undefined) {
    this.#options = options;
  }

  /** Finds the first `createFleet({...})` (path order). */
  static locate(project: Project): FleetSchedules {
    const files = project
      .getSourceFiles()
      .filter((file) => !file.getFilePath().includes('/node_modules/') && file.getFullText().includes('createFleet'));
    for (const file of files.sort((a, b) => (a.getFilePath() < b.getFilePath() ? -1 : 1))) {
      for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const [options] = call.getArguments();
        if (call.getExpression().getText() === 'createFleet' && Node.isObjectLiteralExpression(options)) return new FleetSchedules(options);
      }
    }
    return new FleetSchedules(undefined);
  }

  /** True when there is a `createFleet` call to add schedules to. */
  get found(): boolean {
    return this.#options !== undefined;
  }

  /** True when a schedule of this name is declared in the fleet file or queued. */
  has(name: string): boolean {
    return (
      this.#pending.some((entry) => entry.includes(`name: '${name}'`)) ||
      (this.#options?.getSourceFile().getFullText().includes(`name: '${name}'`) ?? false)
    );
  }

  /** Queues one `defineSchedule({...})` expression. */
  add(schedule: string): void {
    this.#pending.push(schedule);
  }

  /** Writes the queued schedules and the imports of `defineSchedule` and the tasks binding. */
  flush(changes: ChangeSet, tasksFile: string, tasksBinding: string): void {
    const options = this.#options;
    if (!options || this.#pending.length === 0) return;
    const source = options.getSourceFile();
    const file = path.normalize(source.getFilePath());
    const property = options.getProperty('schedules');
    const array = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
    if (array && Node.isArrayLiteralExpression(array)) {
      const last = array.getElements().at(-1);
      const at = last ? last.getEnd() : array.getStart() + 1;
      changes.edit(file, {
        start: at,
        end: at,
        text: this.#pending.map((entry, index) => (last || index > 0 ? `, ${entry}` : entry)).join(''),
      });
    } else if (!property) {
      insertProperties(changes, file, options, [`schedules: [${this.#pending.join(', ')}]`]);
    } else {
      throw new Error(`fleet codemod: \`schedules\` in ${file} is not an array literal; add the schedules by hand.`);
    }
    const after = source.getImportDeclarations().at(-1)?.getEnd() ?? 0;
    const imports = (name: string) =>
      source.getImportDeclarations().some((declaration) => declaration.getNamedImports().some((named) => named.getName() === name));
    if (!imports('defineSchedule')) changes.addImport(file, "import { defineSchedule } from 'fleet-runtime';", after);
    if (!imports(tasksBinding) && path.normalize(tasksFile) !== file)
      changes.addImport(
        file,
        `import { ${tasksBinding} } from '${specifierFor(file, tasksFile, usesJsExtensions(changes.original(file)))}';`,
        after,
      );
  }
}
