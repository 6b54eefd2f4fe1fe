/**
 * Next.js route exports whose function lives in another module: a package-built handler
 * (`export default NextAuth(options)`, `const handler = NextAuth(o); export { handler as GET }`)
 * or a re-export (`export { GET, POST } from '@/lib/auth'`). They are routes all the same.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext } from '../../handlers/detector.js';
import { makeExternalRoute } from '../../handlers/external-route.js';
import type { ExternalRoute } from '../../handlers/types.js';
import { bindingValue, functionValue } from './function-value.js';
import { moduleExports } from './module-exports.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

interface Entry {
  readonly name: string;
  /** The exported expression, or the re-export specifier's local name. */
  readonly target: TSESTree.Node;
  readonly registration: TSESTree.Node;
  /** An `export ... from` re-export (parent pointers may be absent here, so it is recorded). */
  readonly fromModule: boolean;
}

/** Re-exports (`export { GET } from './x'`, `export * from` is not followed: its names are unknown here). */
function reExports(program: TSESTree.Program): Entry[] {
  const found: Entry[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.source == null) continue;
    for (const specifier of statement.specifiers) {
      const name = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
      found.push({ name, target: specifier.local, registration: specifier, fromModule: true });
    }
  }
  return found;
}

/**
 * Route exports among `names` (`GET`, ... for `route.ts`; `default` for `pages/api`) with no
 * same-module function, one per exported value: `export { handler as GET, handler as POST }`
 * is one route answering both methods. Pages Router routes answer every method (`*`).
 */
export function externalNextRoutes(ctx: DetectContext, names: readonly string[], path: string): ExternalRoute[] {
  const local = moduleExports(ctx.ast).map((entry): Entry => ({
    name: entry.name,
    target: entry.value,
    registration: entry.registration,
    fromModule: false,
  }));
  const byValue = new Map<TSESTree.Node, { methods: string[]; entry: Entry }>();
  for (const entry of [...local, ...reExports(ctx.ast)]) {
    if (!names.includes(entry.name)) continue;
    const { fromModule } = entry;
    if (!fromModule && functionValue(entry.target, ctx.scopeManager) !== undefined) continue;
    // Several names bound to one value are one handler.
    const value =
      !fromModule && entry.target.type === AST_NODE_TYPES.Identifier
        ? (bindingValue(entry.target, ctx.scopeManager) ?? entry.target)
        : entry.target;
    const method = entry.name === 'default' ? '*' : entry.name;
    const known = byValue.get(value);
    if (known) known.methods.push(method);
    else byValue.set(value, { methods: [method], entry });
  }
  return [...byValue.values()].map(({ methods, entry }) =>
    makeExternalRoute({
      framework: 'nextjs',
      confidence: 'certain',
      via:
        entry.name === 'default'
          ? 'default export of a Pages Router `pages/api` file, built in another module'
          : `\`${methods.join('`, `')}\` exported from an App Router \`route\` file, built in another module`,
      route: { methods, path, pathComplete: true, registration: entry.registration },
      target: entry.target,
      label: `${methods.join(', ')} ${path}`,
    }),
  );
}
