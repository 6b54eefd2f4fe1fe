/**
 * NestJS bootstrap calls that change every route's path, as the module facts record them (the
 * registry's `appCalls`): `app.setGlobalPrefix(prefix, { exclude })` and
 * `app.enableVersioning({ type: VersioningType.URI, … })`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import type { AppCall } from '../framework.js';
import { literalString } from '../../routes/module-facts/literal-string.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** One entry of `setGlobalPrefix`'s `exclude`: a path-to-regexp path and its method (`null`: every method). */
export interface NestExclude {
  readonly path: string;
  readonly method: string | null;
}

/** `setGlobalPrefix(prefix, { exclude })`. */
export interface NestPrefixCall extends AppCall {
  readonly method: 'setGlobalPrefix';
  /** `setGlobalPrefix` value; `undefined` when not static. */
  readonly prefix: string | undefined;
  /** Paths excluded from the prefix; `undefined` when the `exclude` option is not static. */
  readonly exclude: readonly NestExclude[] | undefined;
}

/** `enableVersioning({ type: VersioningType.URI, … })`. */
export interface NestVersioningCall extends AppCall {
  readonly method: 'enableVersioning';
  /**
   * `defaultVersion`: a static version (`'1'`), `null` when there is none or it is
   * `VERSION_NEUTRAL` (no segment), `undefined` when it is not one static string (an array, a variable).
   */
  readonly defaultVersion: string | null | undefined;
  /** `prefix` option: default `'v'`, `''` for `prefix: false`, `undefined` when not static. */
  readonly prefix: string | undefined;
}

export const GLOBAL_PREFIX = 'setGlobalPrefix';
export const VERSIONING = 'enableVersioning';

function property(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  const found = object.properties.find(
    (p): p is TSESTree.Property =>
      p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === name,
  );
  return found && unwrap(found.value);
}

/** `RequestMethod.GET` → `GET`; `null` for `RequestMethod.ALL` or no method; `undefined` when not static. */
function requestMethod(node: TSESTree.Node | undefined): string | null | undefined {
  if (node === undefined) return null;
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return node.property.name === 'ALL' ? null : node.property.name;
}

/** One `exclude` entry: `'health'` or `{ path: 'health', method: RequestMethod.GET }`; `undefined` when not static. */
function excludeEntry(element: TSESTree.Node, constants: ReadonlyMap<string, string>): NestExclude | undefined {
  const item = unwrap(element);
  if (item.type !== AST_NODE_TYPES.ObjectExpression) {
    const path = literalString(item, constants);
    return path === undefined ? undefined : { path, method: null };
  }
  const path = literalString(property(item, 'path'), constants);
  const method = requestMethod(property(item, 'method'));
  return path === undefined || method === undefined ? undefined : { path, method };
}

/** The prefix and exclude list of one `setGlobalPrefix` call. */
function globalPrefixCall(call: TSESTree.CallExpression, constants: ReadonlyMap<string, string>): NestPrefixCall {
  const method = GLOBAL_PREFIX;
  const prefix = literalString(call.arguments[0], constants);
  const line = call.loc.start.line;
  const options = call.arguments[1] && unwrap(call.arguments[1]);
  if (options === undefined) return { method, prefix, exclude: [], line };
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return { method, prefix, exclude: undefined, line };
  const list = property(options, 'exclude');
  if (list === undefined) return { method, prefix, exclude: [], line };
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return { method, prefix, exclude: undefined, line };
  const exclude: NestExclude[] = [];
  for (const element of list.elements) {
    const entry = element && element.type !== AST_NODE_TYPES.SpreadElement ? excludeEntry(element, constants) : undefined;
    if (entry === undefined) return { method, prefix, exclude: undefined, line };
    exclude.push(entry);
  }
  return { method, prefix, exclude, line };
}

/** `enableVersioning(options)` with URI versioning (Nest's default type), else `undefined`. */
function uriVersioningCall(call: TSESTree.CallExpression, constants: ReadonlyMap<string, string>): NestVersioningCall | undefined {
  const method = VERSIONING;
  const line = call.loc.start.line;
  const options = call.arguments[0] && unwrap(call.arguments[0]);
  if (options?.type !== AST_NODE_TYPES.ObjectExpression)
    return options === undefined
      ? { method, defaultVersion: null, prefix: 'v', line }
      : { method, defaultVersion: undefined, prefix: undefined, line };
  const type = property(options, 'type');
  if (type?.type === AST_NODE_TYPES.MemberExpression && type.property.type === AST_NODE_TYPES.Identifier && type.property.name !== 'URI')
    return undefined;
  const version = property(options, 'defaultVersion');
  const isNeutral = version?.type === AST_NODE_TYPES.Identifier && version.name === 'VERSION_NEUTRAL';
  const defaultVersion = version === undefined || isNeutral ? null : literalString(version, constants);
  const prefixNode = property(options, 'prefix');
  const prefix =
    prefixNode === undefined
      ? 'v'
      : prefixNode.type === AST_NODE_TYPES.Literal && prefixNode.value === false
        ? ''
        : literalString(prefixNode, constants);
  return { method, defaultVersion, prefix, line };
}

/** The registry's `appCalls.read`: what one bootstrap call sets, `undefined` for versioning of another type. */
export function readAppCall(method: string, call: TSESTree.CallExpression, constants: ReadonlyMap<string, string>): AppCall | undefined {
  return method === GLOBAL_PREFIX ? globalPrefixCall(call, constants) : uriVersioningCall(call, constants);
}
