/**
 * Writes a payload {@link Shape} as source text for the Standard Schema validator the project
 * already depends on: zod, valibot or arktype.
 */
import type { Field, Shape } from './payload-shape.js';

/** The validators the codemod writes schemas for, with how the tasks file imports each. */
export const VALIDATORS = {
  zod: { module: 'zod', binding: 'z', importText: (q: string) => `import { z } from ${q}zod${q};` },
  valibot: { module: 'valibot', binding: 'v', importText: (q: string) => `import * as v from ${q}valibot${q};` },
  arktype: { module: 'arktype', binding: 'type', importText: (q: string) => `import { type } from ${q}arktype${q};` },
} as const;

/** A validator name. */
export type Validator = keyof typeof VALIDATORS;

/** The schema expression of an object payload with `fields`. */
export function renderSchema(validator: Validator, fields: readonly Field[]): string {
  const object: Shape = { kind: 'object', fields };
  if (fields.length === 0) return validator === 'arktype' ? 'type({})' : `${VALIDATORS[validator].binding}.object({})`;
  if (validator === 'arktype') return `type(${ark(object)})`;
  return validator === 'zod' ? zod(object) : valibot(object);
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` : String(value);
}

function zod(shape: Shape): string {
  switch (shape.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'any':
      return `z.${shape.kind}()`;
    case 'literal':
      return `z.literal(${literal(shape.value)})`;
    case 'array':
      return `z.array(${zod(shape.of)})`;
    case 'record':
      return `z.record(z.string(), ${zod(shape.of)})`;
    case 'union':
      return shape.of.every((member) => member.kind === 'literal' && typeof member.value === 'string')
        ? `z.enum([${shape.of.map((member) => literal((member as { value: string }).value)).join(', ')}])`
        : `z.union([${shape.of.map(zod).join(', ')}])`;
    case 'object':
      return `z.object({ ${shape.fields.map((field) => `${key(field.name)}: ${zod(field.shape)}${field.optional ? '.optional()' : ''}`).join(', ')} })`;
  }
}

function valibot(shape: Shape): string {
  switch (shape.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'any':
      return `v.${shape.kind === 'null' ? 'null_' : shape.kind}()`;
    case 'literal':
      return `v.literal(${literal(shape.value)})`;
    case 'array':
      return `v.array(${valibot(shape.of)})`;
    case 'record':
      return `v.record(v.string(), ${valibot(shape.of)})`;
    case 'union':
      return shape.of.every((member) => member.kind === 'literal' && typeof member.value === 'string')
        ? `v.picklist([${shape.of.map((member) => literal((member as { value: string }).value)).join(', ')}])`
        : `v.union([${shape.of.map(valibot).join(', ')}])`;
    case 'object':
      return `v.object({ ${shape.fields.map((field) => `${key(field.name)}: ${field.optional ? `v.optional(${valibot(field.shape)})` : valibot(field.shape)}`).join(', ')} })`;
  }
}

/** arktype's string syntax for leaves, object literals for objects. */
function ark(shape: Shape): string {
  switch (shape.kind) {
    case 'object':
      return `{ ${shape.fields.map((field) => `${field.optional ? JSON.stringify(`${field.name}?`) : key(field.name)}: ${ark(field.shape)}`).join(', ')} }`;
    case 'array':
      return `'${inner(shape.of)}[]'`;
    default:
      return `'${inner(shape)}'`;
  }
}

function inner(shape: Shape): string {
  switch (shape.kind) {
    case 'any':
      return 'unknown';
    case 'literal':
      return typeof shape.value === 'string' ? JSON.stringify(shape.value).replaceAll("'", "\\'") : String(shape.value);
    case 'array':
      return `(${inner(shape.of)})[]`;
    case 'record':
      return `Record<string, ${inner(shape.of)}>`;
    case 'union':
      return shape.of.map(inner).join(' | ');
    case 'object':
      return 'object';
    default:
      return shape.kind;
  }
}
