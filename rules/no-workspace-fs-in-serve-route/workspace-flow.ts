/**
 * Where a path expression comes from: a workspace root (a configured source), the app's own
 * bundle (`__dirname`, `import.meta`, `process.cwd()`, a relative literal, a declared bundle
 * source), scratch space (`os.tmpdir()`, `mkdtemp`, `/tmp/...`, the request's own upload), or
 * anything else: local disk state that another replica does not have, reported with the
 * expression it derives from. Followed backwards from the fs call through `const`/`let` values,
 * destructuring, `path.join/resolve/normalize/dirname`, templates, concatenation and the
 * arguments of same-module helper calls.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import { importPath } from '../../src/handlers/import-path.js';
import { isFunction } from '../../src/ast/resolve-function.js';
import type { FunctionNode, ImportIndex } from '../../src/handlers/types.js';
import { unwrap } from '../../src/ast/unwrap.js';
import { variableOf } from '../../src/ast/variable-of.js';
import { isRelativeSpecifier } from '../../src/modules/resolve-module.js';
import { globalRoot, importedRoot } from './imported-root.js';
import { machineRoot } from './machine-root.js';
import type { MachineRoot } from './machine-root.js';
import { isLocalDisk } from './verdict.js';
import type { Verdict } from './verdict.js';
import { either, flattenPlus, functionVariable, isLiteral, keyPath } from './flow-helpers.js';
import { isUploadPath, literalKind } from './path-leaf.js';
import { chainOf } from './source-match.js';
import type { SourceMatch } from './source-match.js';

export { isLocalDisk } from './verdict.js';
export type { Verdict } from './verdict.js';

const BUNDLE: Verdict = { kind: 'bundle' };
const SCRATCH: Verdict = { kind: 'scratch' };
const PATH_MODULES = ['path', 'path/posix', 'path/win32', 'pathe', 'upath'];
// How deep the backwards walk goes (variables, helpers, path calls); real code rarely needs 4.
const MAX_DEPTH = 8;

/** What the flow needs from the file. */
export interface FlowInput {
  readonly scopeManager: ScopeManager;
  readonly imports: ImportIndex;
  readonly sources: SourceMatch;
  /** Values the project declares to be its own bundle (`settings.fleet.bundleSources`). */
  readonly bundle: SourceMatch;
  /** Absolute path of the linted file (imports of the project's own modules are read from it). */
  readonly filename: string;
  /** Text of a node, for the source label in messages. */
  readonly textOf: (node: TSESTree.Node) => string;
  /** Whether a helper's call site runs per request (only those can pass a workspace path in). */
  readonly runsPerRequest: (node: TSESTree.Node) => boolean;
}

export class WorkspaceFlow {
  private readonly active = new Set<TSESTree.Node | Variable>();

  constructor(private readonly input: FlowInput) {}

  /** The verdict for a path expression. */
  of(node: TSESTree.Node, depth = 0): Verdict {
    if (depth > MAX_DEPTH || this.active.has(node)) return undefined;
    this.active.add(node);
    try {
      return this.evaluate(unwrap(node), depth + 1);
    } finally {
      this.active.delete(node);
    }
  }

  private workspace(node: TSESTree.Node): Verdict {
    return { kind: 'workspace', source: this.label(node) };
  }

  private local(node: TSESTree.Node): Verdict {
    return { kind: 'local', source: this.label(node) };
  }

  private label(node: TSESTree.Node): string {
    const text = this.input.textOf(node).replace(/\s+/g, ' ');
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }

  private evaluate(node: TSESTree.Node, depth: number): Verdict {
    const root = machineRoot(node, this.input.imports) ?? this.importedRoot(node);
    if (root) return root === 'bundle' ? BUNDLE : SCRATCH;
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return this.literal(node);
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.member(node);
      case AST_NODE_TYPES.MetaProperty:
        return undefined;
      case AST_NODE_TYPES.CallExpression:
        return this.call(node, depth);
      case AST_NODE_TYPES.NewExpression:
        // `new URL('./x', import.meta.url)` resolves against the module's own location.
        return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'URL' && node.arguments[1]
          ? this.bundleOnly(this.of(node.arguments[1], depth))
          : undefined;
      case AST_NODE_TYPES.TemplateLiteral:
        return this.combine(node.quasis[0]?.value.raw === '' ? node.expressions : [node.quasis[0]!, ...node.expressions], depth, false);
      case AST_NODE_TYPES.BinaryExpression:
        return node.operator === '+' ? this.combine(flattenPlus(node), depth, false) : undefined;
      case AST_NODE_TYPES.ConditionalExpression:
        return either(this.of(node.consequent, depth), this.of(node.alternate, depth));
      case AST_NODE_TYPES.LogicalExpression:
        return either(this.of(node.left, depth), this.of(node.right, depth));
      case AST_NODE_TYPES.AwaitExpression:
        return this.of(node.argument, depth);
      case AST_NODE_TYPES.TemplateElement:
        return this.literal(node);
      default:
        return undefined;
    }
  }

  private literal(node: TSESTree.Literal | TSESTree.TemplateElement): Verdict {
    const kind = literalKind(node);
    if (kind === 'bundle') return BUNDLE;
    if (kind === 'scratch') return SCRATCH;
    return kind === 'local' ? this.local(node) : undefined;
  }

  /** `import { REPO_ROOT } from './paths.js'` where `paths.ts` builds it from `__dirname`. */
  private importedRoot(node: TSESTree.Node): MachineRoot | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const source = this.input.imports.sourceOf(node);
    return source && isRelativeSpecifier(source.module) ? importedRoot(this.input.filename, source) : undefined;
  }

  private bundleOnly(verdict: Verdict): Verdict {
    return verdict?.kind === 'bundle' ? verdict : undefined;
  }

  /**
   * Parts joined into one path: the bundle or scratch when the first part is, else a workspace
   * path when any part is (`${root}/x`, `'/srv/' + process.env.WORKSPACE_DIR`), else the first
   * local-disk part. `resolve` lets a later non-literal part win over a bundle root, since it may
   * be absolute, as `path.resolve` does; a literal tail (`'..'`, `'static'`) keeps the root.
   */
  private combine(parts: readonly TSESTree.Node[], depth: number, rightmostWins: boolean): Verdict {
    const verdicts = parts.map((part) =>
      part.type === AST_NODE_TYPES.SpreadElement
        ? this.local(part)
        : part.type === AST_NODE_TYPES.TemplateElement && part.value.cooked === ''
          ? undefined
          : this.of(part, depth),
    );
    const workspace = verdicts.find((verdict) => verdict?.kind === 'workspace');
    const local = verdicts.find((verdict, index) => verdict?.kind === 'local' && !(rightmostWins && isLiteral(parts[index]!)));
    const first = verdicts.find((verdict) => verdict !== undefined);
    if (first && !isLocalDisk(first)) return rightmostWins ? (workspace ?? local ?? first) : first;
    return workspace ?? first;
  }

  private identifier(node: TSESTree.Identifier, depth: number): Verdict {
    const variable = variableOf(this.input.scopeManager, node);
    if (!variable || variable.defs.length === 0) {
      if (node.name === '__dirname' || node.name === '__filename') return BUNDLE;
      return this.named(node);
    }
    if (this.active.has(variable)) return undefined;
    this.active.add(variable);
    try {
      const values = this.valuesOf(variable, depth);
      const workspace = values.find((verdict) => verdict?.kind === 'workspace');
      if (workspace) return workspace;
      // A value traced to the bundle or scratch space wins over a name:
      // `const repoRoot = path.resolve(__dirname, '..')`, `const workspaceDir = await mkdtemp(...)`.
      const known = values.filter((verdict) => verdict !== undefined);
      if (known.length > 0 && known.every((verdict) => !isLocalDisk(verdict))) return known[0];
      if (this.input.sources.isName(node.name)) return this.workspace(node);
      if (this.input.bundle.isName(node.name)) return BUNDLE;
      // The deepest origin says most: `coverPath` ← `Database.getCoverPath(id)`.
      return known.find(isLocalDisk) ?? this.local(node);
    } finally {
      this.active.delete(variable);
    }
  }

  /** The verdicts of every value a variable is given: its initialiser, assignments, call arguments. */
  private valuesOf(variable: Variable, depth: number): Verdict[] {
    const values: Verdict[] = [];
    for (const def of variable.defs) {
      if (def.type === 'Variable' && def.node.init) {
        values.push(def.node.id === def.name ? this.of(def.node.init, depth) : this.destructured(def.name, def.node.id, def.node.init));
      } else if (def.type === 'Parameter' && isFunction(def.node) && def.name.type === AST_NODE_TYPES.Identifier) {
        values.push(...this.arguments(def.node, def.name, depth));
      }
    }
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      // `x = a` and `x += a` both leave a workspace path in `x` when `a` is one.
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier)
        values.push(this.of(parent.right, depth));
    }
    return values;
  }

  /** `const { root } = ctx.workspace` is the member `ctx.workspace.root`; `{ a: { b } }` nests. */
  private destructured(name: TSESTree.Identifier, pattern: TSESTree.Node, init: TSESTree.Node): Verdict {
    const keys = keyPath(pattern, name);
    const target = unwrap(init);
    const source = `${this.label(target)}${keys && keys.length > 0 ? `.${keys.join('.')}` : ''}`;
    if (!keys) return { kind: 'local', source };
    const chain = [...chainOf(target), ...keys];
    if (chain[0] === 'process' && chain[1] === 'env' && chain.length === 3) {
      if (this.input.sources.isEnv(chain[2]!)) return { kind: 'workspace', source: `process.env.${chain[2]!}` };
      return this.input.bundle.isEnv(chain[2]!) ? BUNDLE : { kind: 'local', source: `process.env.${chain[2]!}` };
    }
    if (this.input.sources.isMember(chain)) return { kind: 'workspace', source };
    if (this.input.bundle.isMember(chain)) return BUNDLE;
    return isUploadPath(chain) ? SCRATCH : { kind: 'local', source };
  }

  /** The values a same-module function's parameter receives from call sites that run per request. */
  private arguments(fn: FunctionNode, param: TSESTree.Identifier, depth: number): Verdict[] {
    const index = fn.params.findIndex((p) => p === param || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === param));
    const callee = functionVariable(this.input.scopeManager, fn);
    if (index < 0 || !callee) return [];
    const values: Verdict[] = [];
    for (const reference of callee.references) {
      const call = reference.identifier.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
      const argument = call.arguments[index];
      if (!argument || !this.input.runsPerRequest(call)) continue;
      values.push(this.of(argument, depth));
    }
    return values;
  }

  /** A name with no visible value (a global, a declared constant): a source, the bundle, or local. */
  private named(node: TSESTree.Identifier): Verdict {
    if (this.input.sources.isName(node.name)) return this.workspace(node);
    return this.input.bundle.isName(node.name) ? BUNDLE : this.local(node);
  }

  private member(node: TSESTree.MemberExpression): Verdict {
    if (node.object.type === AST_NODE_TYPES.MetaProperty) {
      const name = node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : '';
      return ['dirname', 'filename', 'url'].includes(name) ? BUNDLE : undefined;
    }
    const chain = chainOf(node);
    if (chain[0] === 'process' && chain[1] === 'env' && chain.length === 3) {
      if (this.input.sources.isEnv(chain[2]!)) return this.workspace(node);
      return this.input.bundle.isEnv(chain[2]!) ? BUNDLE : this.local(node);
    }
    if (this.input.sources.isMember(chain)) return this.workspace(node);
    if (this.input.bundle.isMember(chain)) return BUNDLE;
    // `global.appRoot`, set from `__dirname` by the package's entry module.
    const set =
      (chain[0] === 'global' || chain[0] === 'globalThis') && chain.length === 2 ? globalRoot(this.input.filename, chain[1]!) : undefined;
    if (set) return set === 'bundle' ? BUNDLE : SCRATCH;
    return isUploadPath(chain) ? SCRATCH : this.local(node);
  }

  private call(node: TSESTree.CallExpression, depth: number): Verdict {
    const source = this.input.imports.sourceOf(node.callee);
    if (source && PATH_MODULES.includes(source.module)) {
      const path = importPath(source);
      const name = path[path.length - 1];
      if (name === 'join') return this.combine(node.arguments, depth, false);
      if (name === 'resolve') return this.combine(node.arguments, depth, true);
      if ((name === 'normalize' || name === 'dirname' || name === 'toNamespacedPath') && node.arguments[0])
        return this.of(node.arguments[0], depth);
      return undefined;
    }
    if (source?.module === 'url' && importPath(source).join('.') === 'fileURLToPath' && node.arguments[0])
      return this.of(node.arguments[0], depth);
    const chain = chainOf(node.callee);
    if (!chain.includes('?') && this.input.sources.isCall(chain)) return this.workspace(node);
    if (!chain.includes('?') && this.input.bundle.isCall(chain)) return BUNDLE;
    return this.local(node);
  }
}
