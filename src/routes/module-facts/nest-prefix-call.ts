/** Reads `app.setGlobalPrefix(prefix, { exclude })` of a NestJS bootstrap file. */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import type { NestExclude, NestPrefixCall } from '../facts.js';
import { literalString } from './literal-string.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

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
export function nestPrefixCall(call: TSESTree.CallExpression, constants: ReadonlyMap<string, string>): NestPrefixCall {
  const prefix = literalString(call.arguments[0], constants);
  const line = call.loc.start.line;
  const options = call.arguments[1] && unwrap(call.arguments[1]);
  if (options === undefined) return { prefix, exclude: [], line };
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return { prefix, exclude: undefined, line };
  const list = property(options, 'exclude');
  if (list === undefined) return { prefix, exclude: [], line };
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return { prefix, exclude: undefined, line };
  const exclude: NestExclude[] = [];
  for (const element of list.elements) {
    const entry = element && element.type !== AST_NODE_TYPES.SpreadElement ? excludeEntry(element, constants) : undefined;
    if (entry === undefined) return { prefix, exclude: undefined, line };
    exclude.push(entry);
  }
  return { prefix, exclude, line };
}
