/**
 * Class properties a module starts a server with: `this.app.listen(port)`,
 * `http.createServer(this.app)`. A route registered on such a property (`this.app.get('/x')`) is on
 * the root app, so its path is complete. An app in any other property (`this.router = express()`
 * in an `ApiRouter` class) is a router that must be mounted (see `module-facts/class-units.ts`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../ast/unwrap.js';
import { walk } from '../ast/walk.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

const cache = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

/** `name` for `this.name` (not computed), else `undefined`. */
export function thisProperty(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.property.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  return unwrap(target.object).type === AST_NODE_TYPES.ThisExpression ? target.property.name : undefined;
}

/** The `this.<name>` properties `program` listens on or hands to `createServer`. Walks the module once; cached. */
export function serverProperties(program: TSESTree.Program): ReadonlySet<string> {
  const known = cache.get(program);
  if (known) return known;
  const names = new Set<string>();
  walk(program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (callee.property.name === 'listen') {
      const name = thisProperty(callee.object);
      if (name !== undefined) names.add(name);
    } else if (callee.property.name === 'createServer') {
      for (const argument of node.arguments) {
        const name = thisProperty(argument);
        if (name !== undefined) names.add(name);
      }
    }
    return undefined;
  });
  cache.set(program, names);
  return names;
}
