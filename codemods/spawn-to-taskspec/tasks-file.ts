/**
 * The project's `defineTasks({...})` file: found among the project's sources, or created at
 * `--tasks`. New variants are inserted as one property before the object's closing brace; an
 * existing variant with the same schema is reused, a different one is a name conflict.
 */
import path from 'node:path';
import { Node, SyntaxKind } from 'ts-morph';
import type { ObjectLiteralExpression, Project } from 'ts-morph';
import type { ChangeSet } from '../shared/change-set.js';
import { insertProperties } from '../shared/insert-properties.js';
import { VALIDATORS } from './render-schema.js';
import type { Validator } from './render-schema.js';

/** What adding a variant did. */
export type VariantOutcome = 'added' | 'reused' | 'conflict';

/** The tasks file of one run. */
export class TasksFile {
  readonly path: string;
  /** The exported binding of the `defineTasks` result (`TaskSpec`). */
  readonly binding: string;
  readonly #object: ObjectLiteralExpression | undefined;
  readonly #planned = new Map<string, string>();
  readonly #validator: Validator;

  private constructor(file: string, binding: string, object: ObjectLiteralExpression | undefined, validator: Validator) {
    this.path = file;
    this.binding = binding;
    this.#object = object;
    this.#validator = validator;
  }

  /** Finds the first `defineTasks({...})` (path order) in `project`, else plans `fallback`. */
  static locate(project: Project, fallback: string, validator: Validator): TasksFile {
    const files = project
      .getSourceFiles()
      .filter((file) => !file.getFilePath().includes('/node_modules/'))
      .sort((a, b) => (a.getFilePath() < b.getFilePath() ? -1 : 1));
    for (const file of files) {
      if (!file.getFullText().includes('defineTasks')) continue;
      for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const [argument] = call.getArguments();
        if (call.getExpression().getText() !== 'defineTasks' || !Node.isObjectLiteralExpression(argument)) continue;
        const declaration = call.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
        return new TasksFile(path.normalize(file.getFilePath()), declaration?.getName() ?? 'TaskSpec', argument, validator);
      }
    }
    return new TasksFile(fallback, 'TaskSpec', undefined, validator);
  }

  /** True when the file does not exist yet and this run creates it. */
  get isNew(): boolean {
    return this.#object === undefined;
  }

  /** Adds `name: { schema }` unless a variant of that name exists; compares schemas when it does. */
  add(name: string, schema: string): VariantOutcome {
    const planned = this.#planned.get(name);
    if (planned !== undefined) return same(planned, schema) ? 'reused' : 'conflict';
    const existing = this.#object?.getProperty(name);
    if (existing) {
      const text = Node.isPropertyAssignment(existing) ? (existing.getInitializer()?.getText() ?? '') : '';
      return text.includes(schema) || same(text, `{ schema: ${schema} }`) ? 'reused' : 'conflict';
    }
    this.#planned.set(name, schema);
    return 'added';
  }

  /** Writes the planned variants into `changes`: property inserts, or the whole new file. */
  flush(changes: ChangeSet): void {
    if (this.#planned.size === 0) return;
    const entries = [...this.#planned].map(([name, schema]) => `${name}: { schema: ${schema} },`);
    const object = this.#object;
    if (!object) {
      const validator = VALIDATORS[this.#validator];
      changes.create(
        this.path,
        [
          '// The task variants of this app (fleet-runtime). Created by `fleet codemod spawn-to-taskspec`; edit freely.',
          "import { defineTasks } from 'fleet-runtime';",
          validator.importText("'"),
          '',
          `export const ${this.binding} = defineTasks({`,
          ...entries.map((entry) => `  ${entry}`),
          '});',
          '',
        ].join('\n'),
      );
      return;
    }
    const file = this.path;
    const text = changes.original(file);
    insertProperties(
      changes,
      file,
      object,
      entries.map((entry) => entry.slice(0, -1)),
    );
    const binding = VALIDATORS[this.#validator].binding;
    const source = object.getSourceFile();
    const hasBinding = source
      .getImportDeclarations()
      .some((declaration) => declaration.getModuleSpecifierValue() === VALIDATORS[this.#validator].module);
    if (!hasBinding && !new RegExp(`\\b${binding}\\.`).test(text.slice(0, object.getStart()))) {
      changes.addImport(file, VALIDATORS[this.#validator].importText("'"), source.getImportDeclarations().at(-1)?.getEnd() ?? 0);
    }
  }
}

function same(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}
