/**
 * Registers generated executors where the project builds its fleet: the `executors` object of
 * its `createFleet({...})` call, followed to the object literal when it is a variable
 * (`executors: executors`, `{ executors }`), possibly in another file.
 */
import path from 'node:path';
import { Node, SyntaxKind } from 'ts-morph';
import type { ObjectLiteralExpression, Project, SourceFile } from 'ts-morph';
import type { ChangeSet } from '../shared/change-set.js';
import { insertProperties } from '../shared/insert-properties.js';
import { specifierFor, usesJsExtensions } from './module-paths.js';

interface Registration {
  readonly name: string;
  readonly binding: string;
  readonly file: string;
}

/** The project's executor map, if the codemod can find it. */
export class ExecutorRegistry {
  readonly #object: ObjectLiteralExpression | undefined;
  readonly #pending: Registration[] = [];

  private constructor(object: ObjectLiteralExpression | undefined) {
    this.#object = object;
  }

  /** Finds the executors object of the first `createFleet({...})` call (path order). */
  static locate(project: Project): ExecutorRegistry {
    const files = project
      .getSourceFiles()
      .filter((file) => !file.getFilePath().includes('/node_modules/') && file.getFullText().includes('createFleet'));
    for (const file of files.sort((a, b) => (a.getFilePath() < b.getFilePath() ? -1 : 1))) {
      for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const [options] = call.getArguments();
        if (call.getExpression().getText() !== 'createFleet' || !Node.isObjectLiteralExpression(options)) continue;
        return new ExecutorRegistry(executorsObject(options.getProperty('executors')));
      }
    }
    return new ExecutorRegistry(undefined);
  }

  /** The file holding the executors object, or `undefined` when the project has none to edit. */
  get file(): string | undefined {
    return this.#object ? path.normalize(this.#object.getSourceFile().getFilePath()) : undefined;
  }

  /** True when `name` is already a key of the executors object. */
  has(name: string): boolean {
    return this.#object?.getProperty(name) !== undefined || this.#pending.some((entry) => entry.name === name);
  }

  /** Queues `name: binding` (imported from `file`); false when there is nowhere to register it. */
  register(name: string, binding: string, file: string): boolean {
    if (!this.#object) return false;
    if (!this.has(name)) this.#pending.push({ name, binding, file });
    return true;
  }

  /** Writes the queued registrations and their imports. */
  flush(changes: ChangeSet): void {
    const object = this.#object;
    if (!object || this.#pending.length === 0) return;
    const source: SourceFile = object.getSourceFile();
    const target = path.normalize(source.getFilePath());
    const js = usesJsExtensions(changes.original(target));
    insertProperties(
      changes,
      target,
      object,
      this.#pending.map((entry) => `${entry.name}: ${entry.binding}`),
    );
    const after = source.getImportDeclarations().at(-1)?.getEnd() ?? 0;
    for (const entry of this.#pending)
      changes.addImport(target, `import { ${entry.binding} } from '${specifierFor(target, entry.file, js)}';`, after);
  }
}

function executorsObject(property: Node | undefined): ObjectLiteralExpression | undefined {
  if (!property) return undefined;
  let value: Node | undefined = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  let symbol = Node.isShorthandPropertyAssignment(property)
    ? property.getValueSymbol()
    : value && Node.isIdentifier(value)
      ? value.getSymbol()
      : undefined;
  if (symbol?.isAlias() === true) symbol = symbol.getAliasedSymbol();
  if (symbol) value = symbol.getValueDeclaration();
  if (value && Node.isVariableDeclaration(value)) value = value.getInitializer();
  if (value && (Node.isSatisfiesExpression(value) || Node.isAsExpression(value))) value = value.getExpression();
  return value && Node.isObjectLiteralExpression(value) ? value : undefined;
}
