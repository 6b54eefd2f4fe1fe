/** Framework objects a module creates: `const app = express()`, `new Router({ prefix })`, `new Hono().basePath('/v1')`. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Creation, CreationCallee } from '../../frameworks/framework.js';
import { FRAMEWORKS } from '../../frameworks/index.js';
import { unwrap } from '../../ast/unwrap.js';
import type { CreatedUnit } from '../facts.js';
import type { LocalImport } from './imports.js';
import { requiredSpecifier } from './imports.js';
import { literalString } from './literal-string.js';
import { derivesPrefixedObjectIn, prefixSetter } from './prefix-methods.js';
import { WHOLE_MODULE } from '../../modules/import-forms.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** A creation as the registry describes it, and the framework that makes it. */
interface FoundCreation {
  readonly creation: Creation;
  readonly framework: string;
}

/** What a constructor/factory callee creates, from the import it refers to, as a registered framework says. */
function creationOf(callee: TSESTree.Node, imports: ReadonlyMap<string, LocalImport>): FoundCreation | undefined {
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

function creationFrom(imported: CreationCallee): FoundCreation | undefined {
  for (const framework of FRAMEWORKS) {
    const creation = framework.creates?.(imported);
    if (creation) return { creation, framework: framework.name };
  }
  return undefined;
}

/** The static value of the option `name` of a creation's first argument: `''` without one, `undefined` when not static. */
function prefixOption(options: TSESTree.Node | undefined, name: string, constants: ReadonlyMap<string, string>): string | undefined {
  if (options === undefined) return '';
  const object = unwrap(options);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = object.properties.find(
    (p): p is TSESTree.Property =>
      p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === name,
  );
  if (!property) return object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement) ? undefined : '';
  return literalString(property.value, constants);
}

function methodOf(call: TSESTree.CallExpression & { callee: TSESTree.MemberExpression }): string | undefined {
  return !call.callee.computed && call.callee.property.type === AST_NODE_TYPES.Identifier ? call.callee.property.name : undefined;
}

/**
 * The unit a `const x = <init>` creates, if `<init>` is a framework creation, possibly followed by
 * chained calls: the registry's deriving methods extend its own prefix (`new Hono().basePath('/v1')`),
 * its prefix-setting methods replace it (`new Router().prefix('/v1')`).
 */
export function createdBy(
  init: TSESTree.Node,
  imports: ReadonlyMap<string, LocalImport>,
  constants: ReadonlyMap<string, string>,
): CreatedUnit | undefined {
  let node = unwrap(init);
  if (node.type === AST_NODE_TYPES.AwaitExpression) node = unwrap(node.argument);
  // The calls chained on the creation, outermost first.
  const chain: (TSESTree.CallExpression & { callee: TSESTree.MemberExpression })[] = [];
  let found: FoundCreation | undefined;
  for (;;) {
    // `express.Router()` is itself a creation, `app.get()` on an import is not.
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) found = creationOf(node.callee, imports);
    if (found) break;
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    chain.push(node as (typeof chain)[number]);
    node = unwrap(node.callee.object);
  }
  const { creation, framework } = found;
  const args = (node as TSESTree.CallExpression | TSESTree.NewExpression).arguments;
  let own = creation.prefixOption === undefined ? '' : prefixOption(args[0], creation.prefixOption, constants);
  let why: string | undefined;
  for (const call of chain.reverse()) {
    const method = methodOf(call);
    if (method === undefined) continue;
    if (derivesPrefixedObjectIn(framework, method)) {
      const base = literalString(call.arguments[0], constants);
      own = own === undefined || base === undefined ? undefined : joinSimple(own, base);
    } else if (prefixSetter(method)?.framework === framework) {
      const value = literalString(call.arguments[0], constants);
      // Routes registered under the first prefix would keep it below the new one: two prefixes are not one path.
      if (own !== '') why = `its prefix is set twice (the creation's and \`.${method}()\` at line ${call.loc.start.line})`;
      own = own !== '' || value === undefined ? undefined : prefixSetter(method)!.value(value);
    }
  }
  return why === undefined ? { kind: creation.kind, own, framework } : { kind: creation.kind, own, framework, why };
}

function joinSimple(a: string, b: string): string {
  return a.endsWith('/') && b.startsWith('/') ? a + b.slice(1) : a + b;
}
