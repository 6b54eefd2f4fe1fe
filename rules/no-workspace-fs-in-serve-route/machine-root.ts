/**
 * Roots that every replica has on its own disk, so a path under them is never a workspace read
 * whatever its variable is called: the deploy directory (`process.cwd()`, where Next.js and
 * docs sites keep their content) and scratch space (`os.tmpdir()`, `fs.mkdtemp*`, a literal
 * `/tmp/...`). Real handlers name a per-request scratch checkout `workspaceDir`
 * (`const workspaceDir = await mkdtemp(join(tmpdir(), 'render-'))`); reporting it would cry wolf.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { importPath } from '../../src/handlers/import-path.js';
import type { ImportIndex } from '../../src/handlers/types.js';
import { isFsModule } from './fs-reads.js';

/** What kind of machine-local root a node is: the app's deploy directory or scratch space. */
export type MachineRoot = 'bundle' | 'scratch';

const TEMP_CALLS = new Set(['mkdtemp', 'mkdtempSync', 'mkdtempDisposable', 'mkdtempDisposableSync']);

function isTmpLiteral(node: TSESTree.Node): boolean {
  const text =
    node.type === AST_NODE_TYPES.Literal ? node.value : node.type === AST_NODE_TYPES.TemplateElement ? node.value.cooked : undefined;
  return typeof text === 'string' && (text === '/tmp' || text.startsWith('/tmp/'));
}

/**
 * The machine-local root `node` evaluates to, or `undefined`. `node` is already unwrapped
 * (no `await`, parentheses or type assertions around it).
 */
export function machineRoot(node: TSESTree.Node, imports: ImportIndex): MachineRoot | undefined {
  if (isTmpLiteral(node)) return 'scratch';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis[0] && isTmpLiteral(node.quasis[0]) ? 'scratch' : undefined;
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const { callee } = node;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'cwd' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process'
  ) {
    return 'bundle';
  }
  const source = imports.sourceOf(callee);
  if (!source) return undefined;
  const path = importPath(source);
  const name = (path[0] === 'promises' ? path.slice(1) : path).join('.');
  if (source.module === 'os' && name === 'tmpdir') return 'scratch';
  if (source.module === 'process' && name === 'cwd') return 'bundle';
  return isFsModule(source.module) && TEMP_CALLS.has(name) ? 'scratch' : undefined;
}
