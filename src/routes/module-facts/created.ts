/** Framework objects a module creates at the top level: `const app = express()`, `new Router({ prefix })`, `new Hono().basePath('/v1')`. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Creation } from '../../frameworks/framework.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import { unwrap } from '../../ast/unwrap.js';
import type { CreatedUnit } from '../facts.js';
import type { LocalImport } from './imports.js';
import { requiredSpecifier } from './imports.js';
import { literalString } from './literal-string.js';
import { WHOLE_MODULE } from '../../modules/import-forms.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** What a constructor/factory callee creates, from the import it refers to, as a registered framework says. */
function creationOf(callee: TSESTree.Node, imports: ReadonlyMap<string, LocalImport>): Creation | undefined {
  let member: string | undefined;
  let base = unwrap(callee);
  if (base.type === AST_NODE_TYPES.MemberExpression && !base.computed && base.property.type === AST_NODE_TYPES.Identifier) {
    member = base.property.name;
    base = unwrap(base.object);
  }
  // `require('fastify')()`, `require('express').Router()`: the whole module, required in place.
  const required = requiredSpecifier(base);
  if (required !== undefined)
    return creationFrom({ specifier: required, name: member ?? WHOLE_MODULE, member: member !== undefined, whole: true });
  if (base.type !== AST_NODE_TYPES.Identifier) return undefined;
  const from = imports.get(base.name);
  if (!from) return undefined;
  const imported = {
    specifier: from.specifier,
    name: member ?? from.name,
    member: member !== undefined,
    whole: from.name === 'default' || from.name === WHOLE_MODULE,
  };
  return creationFrom(imported);
}

function creationFrom(imported: Parameters<NonNullable<(typeof FRAMEWORKS)[number]['creates']>>[0]): Creation | undefined {
  for (const framework of FRAMEWORKS) {
    const creation = framework.creates?.(imported);
    if (creation) return creation;
  }
  return undefined;
}

function prefixOption(options: TSESTree.Node | undefined, constants: ReadonlyMap<string, string>): string | undefined {
  if (options === undefined) return '';
  const object = unwrap(options);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = object.properties.find(
    (p): p is TSESTree.Property =>
      p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'prefix',
  );
  if (!property) return object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement) ? undefined : '';
  return literalString(property.value, constants);
}

/** The unit a `const x = <init>` creates, if `<init>` is a framework creation (possibly with `.basePath()` and chained calls). */
export function createdBy(
  init: TSESTree.Node,
  imports: ReadonlyMap<string, LocalImport>,
  constants: ReadonlyMap<string, string>,
): CreatedUnit | undefined {
  let own: string | undefined = '';
  const basePaths: (string | undefined)[] = [];
  let node = unwrap(init);
  if (node.type === AST_NODE_TYPES.AwaitExpression) node = unwrap(node.argument);
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = node.callee.property.type === AST_NODE_TYPES.Identifier ? node.callee.property.name : undefined;
    if (method === 'basePath') basePaths.unshift(literalString(node.arguments[0], constants));
    node = unwrap(node.callee.object);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const creation = creationOf(node.callee, imports);
  if (creation === undefined) return undefined;
  if (creation.prefixOption) own = prefixOption(node.arguments[0], constants);
  for (const base of basePaths) own = own === undefined || base === undefined ? undefined : joinSimple(own, base);
  return { kind: creation.kind, own };
}

function joinSimple(a: string, b: string): string {
  return a.endsWith('/') && b.startsWith('/') ? a + b.slice(1) : a + b;
}
