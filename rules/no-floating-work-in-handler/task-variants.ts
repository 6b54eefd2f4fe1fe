/**
 * The task variants a module declares with `defineTasks({...})`, read from disk with the one
 * module parser: for each exported binding, each variant's payload fields as its schema writes
 * them (zod or valibot `object({...})`, arktype `type({...})`). Read by the editor suggestion,
 * which only offers a variant that already exists; cached per file version.
 */
import type * as TS from 'typescript';
import type { CallField } from '../../codemods/shared/enqueue-call.js';
import { FileVersionCache } from '../../src/modules/file-version-cache.js';
import type { ModuleSource } from '../../src/modules/module-source.js';
import { sourceOfText } from '../../src/modules/module-source.js';
import { ts } from '../../src/modules/typescript.js';

/** Variant name → its payload fields, `undefined` when the schema is not an object the reader knows. */
export type Variants = ReadonlyMap<string, readonly CallField[] | undefined>;

const cache = new FileVersionCache<ReadonlyMap<string, Variants>>(variantsOfSource, new Map());

/** Binding (`TaskSpec`) → its variants, for the module at absolute path `file`. */
export function taskVariantsOf(file: string): ReadonlyMap<string, Variants> {
  return cache.get(file);
}

/** The `defineTasks` bindings of one module's text. */
export function readVariants(file: string, text: string): ReadonlyMap<string, Variants> {
  return variantsOfSource(sourceOfText(file, text));
}

function variantsOfSource(module: ModuleSource): ReadonlyMap<string, Variants> {
  const bindings = new Map<string, Variants>();
  if (!module.text.includes('defineTasks')) return bindings;
  const source = module.parse();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (!ts.isIdentifier(declaration.name) || !init || !ts.isCallExpression(init) || init.expression.getText(source) !== 'defineTasks')
        continue;
      const [object] = init.arguments;
      if (object && ts.isObjectLiteralExpression(object)) bindings.set(declaration.name.text, variantsOf(object, source));
    }
  }
  return bindings;
}

function variantsOf(object: TS.ObjectLiteralExpression, source: TS.SourceFile): Variants {
  const variants = new Map<string, readonly CallField[] | undefined>();
  for (const property of object.properties) {
    const name = propertyName(property);
    if (name === undefined) continue;
    const schema =
      ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.initializer)
        ? property.initializer.properties.find((entry) => propertyName(entry) === 'schema')
        : undefined;
    variants.set(name, schema && ts.isPropertyAssignment(schema) ? fieldsOf(schema.initializer, source) : undefined);
  }
  return variants;
}

/** `z.object({ a: z.string() })`, `v.object({...})`, `type({ a: 'string', 'b?': 'number' })`. */
function fieldsOf(schema: TS.Expression, source: TS.SourceFile): CallField[] | undefined {
  if (!ts.isCallExpression(schema)) return undefined;
  const callee = schema.expression.getText(source);
  const [object] = schema.arguments;
  if (!/^(?:\w+\.object|type)$/.test(callee) || !object || !ts.isObjectLiteralExpression(object)) return undefined;
  const fields: CallField[] = [];
  for (const property of object.properties) {
    const name = propertyName(property)?.replace(/\?$/, '');
    if (name === undefined || !ts.isPropertyAssignment(property)) return undefined;
    const value = property.initializer.getText(source);
    fields.push({ name, scalar: /^(?:\w+\.(?:string|number)\(\)|['"](?:string|number)['"])$/.test(value) });
  }
  return fields;
}

function propertyName(property: TS.ObjectLiteralElementLike): string | undefined {
  if (ts.isShorthandPropertyAssignment(property)) return property.name.text;
  if (!ts.isPropertyAssignment(property)) return undefined;
  return ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
}
