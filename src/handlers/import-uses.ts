import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext } from './detector.js';
import { importPath } from './import-path.js';

/** One use of an imported binding, seen through member accesses (`express.Router`). */
export interface ImportUse {
  /** The whole member chain (`express.Router`), or the type name (`express.Router` in a type). */
  readonly node: TSESTree.Node;
  readonly module: string;
  /** Export path, interop folded (see `importPath`). */
  readonly path: readonly string[];
  /** `express()` / `new Koa()` / `(app: Express)` / anything else. */
  readonly use: 'call' | 'new' | 'type' | 'other';
}

/** Every use of a binding imported from one of `modules`, classified. */
export function importUses(ctx: DetectContext, modules: readonly string[]): ImportUse[] {
  const uses: ImportUse[] = [];
  for (const module of modules) {
    for (const start of ctx.imports.usesOf(module)) {
      let node: TSESTree.Node = start;
      while (
        node.parent &&
        ((node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) ||
          (node.parent.type === AST_NODE_TYPES.TSQualifiedName && node.parent.left === node))
      ) {
        node = node.parent;
      }
      const source = ctx.imports.sourceOf(node);
      if (!source) continue;
      const parent = node.parent;
      const use =
        parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node
          ? 'call'
          : parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === node
            ? 'new'
            : parent?.type === AST_NODE_TYPES.TSTypeReference && parent.typeName === node
              ? 'type'
              : 'other';
      uses.push({ node, module, path: importPath(source), use });
    }
  }
  return uses;
}
