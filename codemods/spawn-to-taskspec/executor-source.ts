/**
 * The text of a generated executor file: the moved work in an async function typed by the
 * project's `TaskSpec`, with the imports the work needs (as TypeScript's move-to-file computes
 * them: the original file's imports re-pointed, its exported top-level bindings imported).
 */
import path from 'node:path';
import { Node } from 'ts-morph';
import type { Capture } from './captures.js';
import { moveSpecifier, specifierFor } from './module-paths.js';

/** Inputs of {@link executorSource}. */
export interface ExecutorInput {
  readonly variant: string;
  readonly binding: string;
  readonly file: string;
  readonly siteFile: string;
  readonly siteLine: number;
  readonly root: string;
  readonly tasksFile: string;
  readonly tasksBinding: string;
  readonly captures: readonly Capture[];
  readonly body: readonly string[];
  readonly jsExtensions: boolean;
  /** The body reads `ctx` (the task's signal is passed to the moved call). */
  readonly usesContext?: boolean;
}

/** An import line the executor needs for a module-level capture, or why it cannot have one. */
export function importFor(
  capture: Capture,
  siteFile: string,
  executorFile: string,
  jsExtensions: boolean,
): string | { notExported: string } {
  const declaration = capture.declaration!;
  const declarationOf = Node.isImportSpecifier(declaration)
    ? declaration.getImportDeclaration()
    : Node.isImportClause(declaration)
      ? declaration.getParent()
      : Node.isNamespaceImport(declaration)
        ? declaration.getParent().getParent()
        : undefined;
  if (declarationOf && Node.isImportDeclaration(declarationOf)) {
    const from = moveSpecifier(declarationOf.getModuleSpecifierValue(), siteFile, executorFile);
    if (Node.isImportSpecifier(declaration)) {
      const imported = declaration.getName();
      return `import { ${imported === capture.name ? imported : `${imported} as ${capture.name}`} } from '${from}';`;
    }
    return Node.isNamespaceImport(declaration) ? `import * as ${capture.name} from '${from}';` : `import ${capture.name} from '${from}';`;
  }
  const statement = Node.isVariableDeclaration(declaration) ? declaration.getVariableStatement() : declaration;
  const exported = statement !== undefined && Node.isExportable(statement) && statement.isExported();
  if (!exported) return { notExported: capture.name };
  return `import { ${capture.name} } from '${specifierFor(executorFile, siteFile, jsExtensions)}';`;
}

/** The executor file's text. */
export function executorSource(input: ExecutorInput, imports: readonly string[]): string {
  const fields = input.captures.filter((capture) => capture.shape !== undefined).map((capture) => capture.name);
  const from = path.relative(input.root, input.siteFile).split(path.sep).join('/');
  const tasks = specifierFor(input.file, input.tasksFile, input.jsExtensions);
  return [
    `// Created by \`fleet codemod spawn-to-taskspec\` from ${from}:${input.siteLine}. Yours to edit: the codemod never overwrites it.`,
    "import type { Executors } from 'fleet-runtime';",
    ...[...new Set(imports)].sort(),
    `import type { ${input.tasksBinding} } from '${tasks}';`,
    '',
    `/** Runs \`${input.tasksBinding}.${input.variant}\`: the work ${from}:${input.siteLine} used to start without awaiting it. */`,
    `export const ${input.binding}: NonNullable<Executors<typeof ${input.tasksBinding}>['${input.variant}']> = async (${parameters(fields, input.usesContext === true)}) => {`,
    ...input.body.map((line) => (line === '' ? '' : `  ${line}`)),
    '};',
    '',
  ].join('\n');
}

function parameters(fields: readonly string[], usesContext: boolean): string {
  const payload = fields.length > 0 ? `{ ${fields.join(', ')} }` : usesContext ? '_payload' : '';
  return usesContext ? `${payload}, ctx` : payload;
}
