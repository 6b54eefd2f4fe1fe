/**
 * The cross-file view of a project's mounts, answered lazily: "who mounts this export?" parses
 * only the files that may import the module (directly or through re-exporting modules, from the
 * import graph), each once, and never the mounted modules themselves. Linting one router in an
 * editor so parses its one or two importers, not the project.
 */
import path from 'node:path';
import type { AppCall } from '../frameworks/framework.js';
import type { ModuleFacts, MountEdge } from './facts.js';
import type { ImportGraph } from './import-graph.js';
import { factsAt } from './parsed-facts.js';
import type { ProjectSnapshot } from './project-snapshot.js';
import { scopedResolver } from '../modules/resolve-module.js';
import { isTestFile } from './test-file.js';
import type { WorkspacePackages } from './workspace-packages.js';

/** A mount found in `file` (absolute path). */
export interface LocatedMount {
  readonly file: string;
  readonly edge: MountEdge;
}

/** An app call (the registry's `appCalls`) and the file it is in. */
export interface LocatedAppCall {
  readonly file: string;
  readonly call: AppCall;
}

/** The cross-file view of a project's mounts. Paths are absolute. */
export interface MountIndex {
  readonly root: string;
  /** The facts of a project file (parsed on first use), `undefined` when it is not a project source file or does not parse. */
  factsOf(file: string): ModuleFacts | undefined;
  /**
   * Mounts in other modules of the export `name` of `file` (`param`: the function parameter that
   * receives the parent), in file order. `ownFacts`: the facts of `file` when the caller has them
   * (default: read from disk). `member`: a property of an instance of the exported class.
   * `returned`: the object the exported function returns (`app.use('/x', createRouter())`).
   */
  mountsOf(
    file: string,
    name: string,
    param: number | undefined,
    ownFacts?: ModuleFacts,
    member?: string,
    returned?: boolean,
  ): readonly LocatedMount[];
  /**
   * Prefix-setting calls in other modules on the export `name` of `file`
   * (`import router from './routes'; router.prefix('/api')`), as `file:line` places and methods.
   */
  prefixCallsOn(
    file: string,
    name: string,
    ownFacts?: ModuleFacts,
  ): readonly { readonly file: string; readonly line: number; readonly method: string }[];
  /** The file a relative or workspace-package specifier in `fromFile` refers to. */
  resolve(fromFile: string, specifier: string): string | undefined;
  /** Project files that may import `file` (see `ImportGraph.importersOf`), test files excluded. */
  importersOf(file: string): readonly string[];
  /** Files a script loads as the root plugin (the registry's `scriptRoots`, see `workspace-packages.ts`). */
  readonly scriptRoots: ReadonlySet<string>;
  /** Every app call of the project (the registry's `appCalls`), test files excluded, in file order. */
  readonly appCalls: readonly LocatedAppCall[];
}

// `origin` follows at most this many re-export hops, and the search for re-exporting modules as many.
const MAX_REEXPORTS = 6;

/**
 * A lazy {@link MountIndex} over `snapshot`. Test files mount nothing: a test wraps a router or
 * plugin in its own app, which says nothing about where the project serves it.
 * @param workspace the project's packages; default: none.
 */
export function createMountIndex(
  snapshot: ProjectSnapshot,
  graph: ImportGraph,
  workspace: WorkspacePackages = { packages: new Map(), scriptRoots: new Set() },
): MountIndex {
  const files = new Set(snapshot.files);
  const testFiles = new Set(snapshot.files.filter((file) => isTestFile(path.relative(snapshot.root, file).split(path.sep).join('/'))));
  const order = new Map(snapshot.files.map((file, index) => [file, index]));
  const factsOf = (file: string): ModuleFacts | undefined => {
    const stamp = snapshot.stamps.get(file);
    return stamp === undefined ? undefined : factsAt(file, stamp);
  };
  const resolve = scopedResolver({ files, packages: workspace.packages });
  // Follows `export { x } from` and `export * from` to the module that defines the export.
  const origin = (
    file: string,
    name: string,
    factsFor: (file: string) => ModuleFacts | undefined,
    depth = 0,
  ): { file: string; name: string } | undefined => {
    const facts = factsFor(file);
    if (!facts || depth > MAX_REEXPORTS) return undefined;
    if (facts.exports.has(name)) return { file, name };
    const re = facts.reexports.get(name);
    if (re) {
      const target = resolve(file, re.specifier);
      return target === undefined ? undefined : origin(target, re.name, factsFor, depth + 1);
    }
    for (const specifier of name === 'default' ? [] : facts.starExports) {
      const target = resolve(file, specifier);
      const found = target === undefined ? undefined : origin(target, name, factsFor, depth + 1);
      if (found) return found;
    }
    return undefined;
  };

  /** Import mounts of `file` by the module they import from (one parse of `file`, kept). */
  const edgesByTarget = new Map<string, Map<string, { edge: MountEdge; at: number }[]>>();
  const importEdges = (file: string): Map<string, { edge: MountEdge; at: number }[]> => {
    let byTarget = edgesByTarget.get(file);
    if (byTarget) return byTarget;
    byTarget = new Map();
    for (const [at, edge] of (factsOf(file)?.mounts ?? []).entries()) {
      if (edge.child.kind !== 'import') continue;
      const target = resolve(file, edge.child.specifier);
      if (target === undefined) continue;
      const list = byTarget.get(target);
      if (list) list.push({ edge, at });
      else byTarget.set(target, [{ edge, at }]);
    }
    edgesByTarget.set(file, byTarget);
    return byTarget;
  };
  const reexportsFrom = (file: string, target: string): boolean => {
    const facts = factsOf(file);
    if (!facts) return false;
    for (const { specifier } of facts.reexports.values()) if (resolve(file, specifier) === target) return true;
    return facts.starExports.some((specifier) => resolve(file, specifier) === target);
  };
  /** `file` and the modules re-exporting from it (transitively): the modules a mount of `file`'s exports can import. */
  const sourcesCache = new Map<string, readonly string[]>();
  const sourcesOf = (file: string): readonly string[] => {
    const cached = sourcesCache.get(file);
    if (cached) return cached;
    const sources = [file];
    let frontier = [file];
    for (let depth = 0; depth < MAX_REEXPORTS && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const source of frontier) {
        for (const importer of graph.importersOf(source)) {
          if (sources.includes(importer) || !reexportsFrom(importer, source)) continue;
          sources.push(importer);
          next.push(importer);
        }
      }
      frontier = next;
    }
    sourcesCache.set(file, sources);
    return sources;
  };

  let appCalls: LocatedAppCall[] | undefined;
  const appCallsOf = () => {
    if (appCalls) return appCalls;
    appCalls = [];
    for (const file of graph.appCallFiles) {
      if (testFiles.has(file)) continue;
      for (const call of factsOf(file)?.appCalls ?? []) appCalls.push({ file, call });
    }
    return appCalls;
  };

  return {
    root: snapshot.root,
    factsOf,
    mountsOf(file, name, param, ownFacts, member, returned = false) {
      // The module asking usually has its facts at hand (the AST being linted): no parse of it.
      const factsFor = ownFacts === undefined ? factsOf : (other: string) => (other === file ? ownFacts : factsOf(other));
      const found: (LocatedMount & { at: number })[] = [];
      for (const source of sourcesOf(file)) {
        for (const importer of graph.importersOf(source)) {
          if (testFiles.has(importer)) continue;
          for (const { edge, at } of importEdges(importer).get(source) ?? []) {
            if (edge.child.kind !== 'import' || edge.child.param !== param || edge.child.member !== member) continue;
            if ((edge.child.returned ?? false) !== returned) continue;
            const target = origin(source, edge.child.name, factsFor);
            if (target?.file === file && target.name === name) found.push({ file: importer, edge, at });
          }
        }
      }
      // Reports list mounts in file order, then in the order the module makes them.
      found.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.at - b.at);
      return found.map(({ file: mountFile, edge }) => ({ file: mountFile, edge }));
    },
    prefixCallsOn(file, name, ownFacts) {
      const factsFor = ownFacts === undefined ? factsOf : (other: string) => (other === file ? ownFacts : factsOf(other));
      const found: { file: string; line: number; method: string }[] = [];
      for (const source of sourcesOf(file)) {
        for (const importer of graph.importersOf(source)) {
          if (testFiles.has(importer)) continue;
          for (const call of factsOf(importer)?.prefixedImports ?? []) {
            if (resolve(importer, call.specifier) !== source) continue;
            const target = origin(source, call.name, factsFor);
            if (target?.file === file && target.name === name) found.push({ file: importer, line: call.line, method: call.method });
          }
        }
      }
      return found;
    },
    resolve,
    importersOf: (file) => graph.importersOf(file).filter((importer) => !testFiles.has(importer)),
    scriptRoots: workspace.scriptRoots,
    get appCalls() {
      return appCallsOf();
    },
  };
}
