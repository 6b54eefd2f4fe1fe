import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/ast/member-name.js';
import { outermost, unwrap } from '../../src/ast/unwrap.js';
import type { FileContext } from './file-context.js';
import { variableOf } from './file-context.js';
import type { FloatingWork } from './floating-work.js';
import { finding, floatingWorkOf } from './floating-work.js';

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * A promise kept in a variable and then dropped: `const p = processEvent(body); p.catch(log);`
 * or a `const` never read at all. Every read of the variable must be a statement that drops it
 * again (`p;`, `void p;`, a `.then/.catch/.finally` chain that is not itself joined, see
 * `isJoined`); any other read (awaited, returned, passed on, stored, put in the response) keeps
 * the work. Reported at the initialiser, where the work starts.
 */
export function keptPromiseWork(
  declarator: TSESTree.VariableDeclarator,
  file: FileContext,
  isJoined: (drop: FloatingWork) => boolean,
): FloatingWork | undefined {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const init = unwrap(declarator.init);
  if (init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const variable = variableOf(file, declarator.id);
  if (!variable) return undefined;
  const drops: FloatingWork[] = [];
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    if (reference.identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
    const drop = dropOf(reference.identifier, file);
    if (!drop || isJoined(drop)) return undefined;
    drops.push(drop);
  }
  const caught = drops.some((drop) => drop.kind === 'caughtPromise');
  const started = floatingWorkOf(init, file);
  // A `.then()`/`.catch()` on the variable proves a promise without types; with types the checker decides.
  if (!started && (file.types || !drops.some((drop) => drop.chain.length > 0))) return undefined;
  if (started?.kind === 'unawaitedEnqueue') return started;
  return finding(init, init, caught ? 'caughtPromise' : 'floatingPromise', file);
}

/** Whether an un-awaited chain statement on an identifier is left to the variable's declaration. */
export function isDeclaredPromise(work: FloatingWork, file: FileContext): boolean {
  const root = work.root;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(file, root)?.defs[0];
  return def?.type === DefinitionType.Variable && def.node.init !== null && def.node.id.type === AST_NODE_TYPES.Identifier;
}

/** The statement that drops the promise `id` holds (`p;`, `void p;`, `p.catch(log);`), as floating work. */
function dropOf(id: TSESTree.Identifier, file: FileContext): FloatingWork | undefined {
  let top: TSESTree.Node = outermost(id);
  for (;;) {
    const member = top.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top || !CHAIN_METHODS.has(memberName(member) ?? '')) break;
    const call = outermost(member).parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || unwrap(call.callee) !== member) return undefined;
    top = outermost(call);
  }
  const holder = top.parent;
  const statement = holder?.type === AST_NODE_TYPES.UnaryExpression && holder.operator === 'void' ? holder : top;
  if (statement.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  if (top === outermost(id)) return { kind: 'floatingPromise', node: id, callee: id.name, path: undefined, root: id, chain: [] };
  return floatingWorkOf(statement as TSESTree.Expression, file);
}
