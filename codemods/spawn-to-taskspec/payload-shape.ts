/**
 * The payload class of a captured value, from its TypeScript type: JSON-safe (with the shape
 * the schema is written from), lossy (survives JSON only changed), forbidden (must not leave
 * the request), or untyped (`any`). Forbidden types are matched by the package that declares
 * them, not by the variable's name.
 */
import { Node } from 'ts-morph';
import type { Type } from 'ts-morph';

/** A JSON-safe payload shape, rendered into zod, valibot or arktype. */
export type Shape =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'null' | 'any' }
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'array'; readonly of: Shape }
  | { readonly kind: 'record'; readonly of: Shape }
  | { readonly kind: 'union'; readonly of: readonly Shape[] }
  | { readonly kind: 'object'; readonly fields: readonly Field[] };

/** One object property of a {@link Shape}. */
export interface Field {
  readonly name: string;
  readonly shape: Shape;
  readonly optional: boolean;
}

/** How a value's type crosses the queue: `shape` for json-safe and untyped, `why` otherwise. */
export interface Classified {
  readonly class: 'json-safe' | 'untyped' | 'lossy' | 'forbidden';
  readonly shape?: Shape;
  readonly optional?: boolean;
  readonly why?: string;
}

/** Packages whose types never cross a queue: requests, responses, connections, clients, loggers. */
export const DEFAULT_FORBIDDEN: readonly string[] = [
  'express',
  'express-serve-static-core',
  'koa',
  'fastify',
  'hono',
  '@nestjs/common',
  'next',
  'http',
  'net',
  'stream',
  'ws',
  'socket.io',
  'pg',
  'mysql2',
  'ioredis',
  'redis',
  'mongodb',
  'mongoose',
  '@prisma/client',
  'knex',
  'drizzle-orm',
  'typeorm',
  'sequelize',
  'winston',
  'pino',
  'bunyan',
  'node#IncomingMessage',
  'node#ServerResponse',
  'node#Socket',
  'node#EventEmitter',
  'node#ChildProcess',
  '*#AbortSignal',
  '*#Request',
  '*#Response',
  '*#ReadableStream',
  '*#WritableStream',
  '*#Headers',
];

const LOSSY = new Set([
  'Date',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'RegExp',
  'URL',
  'Buffer',
  'Uint8Array',
  'ArrayBuffer',
  'Error',
  'Promise',
]);
const MAX_DEPTH = 6;

/** Classifies `type`; `forbidden` entries are `package` or `package#TypeName` (`*` = any package). */
export function classify(type: Type, forbidden: readonly string[], depth = 0): Classified {
  if (type.isAny() || type.isUnknown()) return { class: 'untyped', shape: { kind: 'any' }, optional: false };
  if (type.isString() || type.isTemplateLiteral()) return json({ kind: 'string' });
  if (type.isNumber()) return json({ kind: 'number' });
  if (type.isBoolean()) return json({ kind: 'boolean' });
  if (type.isNull()) return json({ kind: 'null' });
  if (type.isStringLiteral() || type.isNumberLiteral()) return json({ kind: 'literal', value: type.getLiteralValue() as string | number });
  if (type.isBooleanLiteral()) return json({ kind: 'literal', value: type.getText() === 'true' });
  if (type.isUndefined() || type.isVoid()) return { class: 'lossy', why: '`undefined` is dropped by JSON' };
  if (type.isBigInt() || type.isBigIntLiteral()) return { class: 'lossy', why: '`bigint` is not JSON; send `String(value)`' };
  if (type.isUnion()) return union(type, forbidden, depth);
  if (depth > MAX_DEPTH) return { class: 'lossy', why: 'the value is nested too deep to check' };
  const banned = forbiddenBy(type, forbidden);
  if (banned) return { class: 'forbidden', why: banned };
  if (type.getCallSignatures().length > 0) return { class: 'forbidden', why: 'functions cannot be sent to a worker' };
  if (type.isArray() || type.isTuple()) {
    const element = type.isArray() ? type.getArrayElementTypeOrThrow() : undefined;
    if (!element) return { class: 'lossy', why: 'tuples are not supported in payloads yet; send an array' };
    const inner = classify(element, forbidden, depth + 1);
    return inner.class === 'json-safe' || inner.class === 'untyped'
      ? { ...inner, shape: { kind: 'array', of: inner.shape! }, optional: false }
      : inner;
  }
  const name = (type.getAliasSymbol() ?? type.getSymbol())?.getName() ?? '';
  if (LOSSY.has(name))
    return { class: 'lossy', why: `a \`${name}\` does not survive JSON${name === 'Date' ? '; send `date.toISOString()`' : ''}` };
  if (
    type.isClass() ||
    type
      .getSymbol()
      ?.getDeclarations()
      .some((declaration) => Node.isClassDeclaration(declaration))
  ) {
    return { class: 'lossy', why: `a \`${name}\` instance loses its prototype in JSON; send its data fields` };
  }
  if (type.isObject()) return object(type, forbidden, depth);
  return { class: 'lossy', why: `the type \`${type.getText()}\` is not JSON-safe` };
}

function json(shape: Shape): Classified {
  return { class: 'json-safe', shape, optional: false };
}

function union(type: Type, forbidden: readonly string[], depth: number): Classified {
  const members = type.getUnionTypes();
  const optional = members.some((member) => member.isUndefined());
  const present = members.filter((member) => !member.isUndefined());
  const booleans = present.filter((member) => member.isBooleanLiteral());
  const others = present.filter((member) => !member.isBooleanLiteral());
  const shapes: Shape[] = booleans.length === 2 ? [{ kind: 'boolean' }] : [];
  let untyped = false;
  for (const member of booleans.length === 2 ? others : present) {
    const inner = classify(member, forbidden, depth + 1);
    if (inner.class === 'lossy' || inner.class === 'forbidden') return inner;
    untyped ||= inner.class === 'untyped';
    shapes.push(inner.shape!);
  }
  const shape: Shape = shapes.length === 1 ? shapes[0]! : { kind: 'union', of: shapes };
  return { class: untyped ? 'untyped' : 'json-safe', shape, optional };
}

function object(type: Type, forbidden: readonly string[], depth: number): Classified {
  const index = type.getStringIndexType();
  if (index && type.getProperties().length === 0) {
    const inner = classify(index, forbidden, depth + 1);
    return inner.class === 'json-safe' || inner.class === 'untyped'
      ? { ...inner, shape: { kind: 'record', of: inner.shape! }, optional: false }
      : inner;
  }
  const fields: Field[] = [];
  let untyped = false;
  for (const property of type.getProperties()) {
    const declaration = property.getValueDeclaration() ?? property.getDeclarations()[0];
    if (!declaration) return { class: 'lossy', why: `property \`${property.getName()}\` has no declaration to check` };
    const inner = classify(property.getTypeAtLocation(declaration), forbidden, depth + 1);
    if (inner.class === 'lossy' || inner.class === 'forbidden')
      return { class: inner.class, why: `\`.${property.getName()}\`: ${inner.why ?? ''}` };
    untyped ||= inner.class === 'untyped';
    fields.push({ name: property.getName(), shape: inner.shape!, optional: inner.optional === true || property.isOptional() });
  }
  return { class: untyped ? 'untyped' : 'json-safe', shape: { kind: 'object', fields }, optional: false };
}

/** The forbidden entry `type` matches (`express#Request`), by the package of its declaration. */
function forbiddenBy(type: Type, forbidden: readonly string[]): string | undefined {
  const symbol = type.getAliasSymbol() ?? type.getSymbol();
  if (!symbol) return undefined;
  const name = symbol.getName();
  for (const declaration of symbol.getDeclarations()) {
    const file = declaration.getSourceFile().getFilePath();
    // TypeScript's own `lib.*.d.ts` (inside node_modules/typescript) declare the built-ins: `lib`.
    const pkg = /\/lib\.[\w.]*d\.ts$/.test(file) ? 'lib' : /\/node_modules\/(?:@types\/)?((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
    if (pkg === undefined) continue;
    for (const entry of forbidden) {
      const [module, typeName] = entry.split('#') as [string, string | undefined];
      if ((module === '*' || module === pkg) && (typeName === undefined || typeName === name))
        return `\`${name}\` ${pkg === 'lib' ? '(a built-in type)' : `from \`${pkg}\``} is request- or process-bound (${entry})`;
    }
  }
  return undefined;
}
