import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { WorkspaceSources } from '../../src/route-settings.js';

/** Names compared the way people spell them: `workspaceRoot`, `WORKSPACE_ROOT`, `workspace_root`. */
function fold(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

function globRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** `pattern` (dotted, `*` = one segment) matches the last segments of `chain`. */
function matchesSuffix(chain: readonly string[], pattern: readonly string[]): boolean {
  if (pattern.length > chain.length) return false;
  const offset = chain.length - pattern.length;
  return pattern.every((segment, index) => segment === '*' || segment === chain[offset + index]);
}

/**
 * The names of a member chain, outermost first: `ctx.workspace.root` → `['ctx', 'workspace', 'root']`,
 * `this.repoRoot` → `['this', 'repoRoot']`. An object that is not a name (a call, an index) is `?`.
 */
export function chainOf(node: TSESTree.Node): string[] {
  if (node.type === AST_NODE_TYPES.Identifier) return [node.name];
  if (node.type === AST_NODE_TYPES.ThisExpression) return ['this'];
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const key =
      !node.computed && node.property.type === AST_NODE_TYPES.Identifier
        ? node.property.name
        : node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string'
          ? node.property.value
          : undefined;
    return key === undefined ? ['?'] : [...chainOf(node.object), key];
  }
  if (node.type === AST_NODE_TYPES.ChainExpression || node.type === AST_NODE_TYPES.TSNonNullExpression) return chainOf(node.expression);
  return ['?'];
}

/** Decides which names, member paths, calls and environment variables are workspace paths. */
export class SourceMatch {
  private readonly identifiers: ReadonlySet<string>;
  private readonly members: readonly (readonly string[])[];
  private readonly calls: readonly (readonly string[])[];
  private readonly env: readonly RegExp[];

  constructor(sources: WorkspaceSources) {
    this.identifiers = new Set(sources.identifiers.map(fold));
    this.members = sources.members.map((member) => member.split('.'));
    this.calls = sources.calls.map((call) => call.split('.'));
    this.env = sources.env.map(globRegExp);
  }

  /** A variable, parameter or property named like a workspace root. */
  isName(name: string): boolean {
    return this.identifiers.has(fold(name));
  }

  /** A member chain ending in a workspace name or a configured member path. */
  isMember(chain: readonly string[]): boolean {
    const last = chain[chain.length - 1];
    if (last !== undefined && this.isName(last)) return true;
    return this.members.some((pattern) => matchesSuffix(chain, pattern));
  }

  /** A call whose callee chain matches a configured call. */
  isCall(chain: readonly string[]): boolean {
    return this.calls.some((pattern) => matchesSuffix(chain, pattern));
  }

  /** An environment variable holding a workspace path. */
  isEnv(name: string): boolean {
    return this.env.some((pattern) => pattern.test(name));
  }
}
