/**
 * Every static prefix a unit is reachable under, following mounts in its own module and in the
 * rest of the project (a router mounted at two prefixes has two): the one place route prefixes
 * are computed for the frameworks that mount objects under others (detectors report only the
 * object a route is registered on and the route's own path). Fails with a reason, in words for
 * messages, as soon as one mount is not static: a partial answer would invent paths.
 */
import path from 'node:path';
import { joinPath } from '../handlers/instance.js';
import type { ModuleFacts } from './facts.js';
import type { LocatedMount, MountIndex } from './project-mounts.js';
import { unitDisplayName } from './module-facts/units.js';

/**
 * Prefixes found, or why they cannot be known. `unmounted` marks the one failure that only says
 * no mount of the unit itself was found (not that a mount is dynamic): the detector may still know
 * the object is the root app (a parameter typed `Express`, a creation the module facts do not read).
 */
export type PrefixOutcome =
  { readonly ok: true; readonly values: readonly string[] } | { readonly ok: false; readonly reason: string; readonly unmounted?: true };

const MAX_DEPTH = 12;
const PARAM = /^(.*)@(\d+)$/;

/** Resolves unit prefixes over a mount index; the module being linted is read from its current AST. */
export class MountPrefixes {
  /** `own` and depth-0 `full` answers by `file\0unit`: the routes of one router ask the same again. */
  private readonly owns = new Map<string, PrefixOutcome>();
  private readonly fulls = new Map<string, PrefixOutcome>();

  constructor(
    private readonly index: MountIndex,
    private readonly currentFile: string,
    private readonly currentFacts: ModuleFacts,
  ) {}

  factsOf(file: string): ModuleFacts | undefined {
    return file === this.currentFile ? this.currentFacts : this.index.factsOf(file);
  }

  /** `src/app.ts:12` for messages. */
  where(file: string, line: number): string {
    return `${path.relative(this.index.root, file).split(path.sep).join('/')}:${line}`;
  }

  /** Framework mounts of `unit` in its own module. */
  localMounts(file: string, unit: string): LocatedMount[] {
    const facts = this.factsOf(file);
    return (facts?.mounts ?? []).filter((edge) => edge.child.kind === 'local' && edge.child.unit === unit).map((edge) => ({ file, edge }));
  }

  /**
   * Mounts of `unit` by other modules, through the names it is exported under, or the names of
   * the functions returning it (`app.use('/users', createUsersRouter(deps))` of a factory).
   */
  crossMounts(file: string, unit: string): LocatedMount[] {
    const facts = this.factsOf(file);
    if (!facts) return [];
    const match = PARAM.exec(unit);
    const property = /^([^#>]+)#(.+)$/.exec(unit);
    const base = property?.[1] ?? match?.[1] ?? unit;
    const param = match?.[2] === undefined ? undefined : Number(match[2]);
    const own = file === this.currentFile ? facts : undefined;
    const found: LocatedMount[] = [];
    for (const [name, exported] of facts.exports) {
      if (exported === base) found.push(...this.index.mountsOf(file, name, param, own, property?.[2]));
    }
    for (const [fn, returned] of facts.returns) {
      if (returned !== unit) continue;
      for (const [name, exported] of facts.exports) {
        if (exported === fn) found.push(...this.index.mountsOf(file, name, undefined, own, undefined, true));
      }
    }
    return found;
  }

  /** The prefix a unit adds itself (Koa `{ prefix }` or `router.prefix()`, Hono `basePath`). */
  own(file: string, unit: string): PrefixOutcome {
    const key = `${file}\0${unit}`;
    let outcome = this.owns.get(key);
    if (outcome === undefined) this.owns.set(key, (outcome = this.computeOwn(file, unit)));
    return outcome;
  }

  private computeOwn(file: string, unit: string): PrefixOutcome {
    const facts = this.factsOf(file);
    const unknown = facts?.ownUnknown.get(unit);
    const module = this.where(file, 1).replace(/:1$/, '');
    if (unknown !== undefined) return { ok: false, reason: `\`${unitDisplayName(unit)}\` (${module}): ${unknown}` };
    const handed = this.prefixSetWhereHanded(file, unit, 0);
    if (handed !== undefined) {
      const helper = unitDisplayName(handed.unit).replace(/@\d+$/, '');
      const where = handed.file === file ? '' : ` of ${this.where(handed.file, 1).replace(/:1$/, '')}`;
      const reason =
        handed.unit === unit && handed.file === file
          ? `its prefix is set by ${handed.call} on an object Fleet did not see created in the module`
          : `its prefix is set by ${handed.call}${where} in \`${helper}\`, which it is handed to (Fleet cannot tell which routes that reaches)`;
      return { ok: false, reason: `\`${unitDisplayName(unit)}\` (${module}): ${reason}` };
    }
    for (const [name, exported] of facts?.exports ?? []) {
      if (exported !== unit) continue;
      // `router.prefix('/api')` in a module importing it: Fleet does not follow a prefix set from another module (it may be conditional, or set twice).
      const [call] = this.index.prefixCallsOn(file, name, file === this.currentFile ? facts : undefined);
      if (call !== undefined)
        return {
          ok: false,
          reason: `\`${unitDisplayName(unit)}\` (${module}): its prefix is set by \`.${call.method}()\` at ${this.where(call.file, call.line)}, in a module importing it`,
        };
    }
    const created = facts?.created.get(unit);
    if (created?.own === undefined && created !== undefined) {
      if (created.why !== undefined) return { ok: false, reason: `\`${unitDisplayName(unit)}\` (${module}): ${created.why}` };
      return { ok: false, reason: `\`${unitDisplayName(unit)}\` (${module}) has a prefix that is not a static string` };
    }
    return { ok: true, values: [created?.own ?? ''] };
  }

  /**
   * A prefix-setting call on `unit` as a parameter of a function (`registerUsers(router)` with
   * `router.prefix('/v1')` in its body), or on a parameter of a function `unit` is handed to, in
   * any module: the call reaches every route of the object handed in, registered before or after.
   */
  private prefixSetWhereHanded(file: string, unit: string, depth: number): { file: string; unit: string; call: string } | undefined {
    const facts = this.factsOf(file);
    const call = facts?.handedInPrefixes.get(unit);
    if (call !== undefined) return { file, unit, call };
    if (depth > MAX_DEPTH) return undefined;
    for (const edge of facts?.mounts ?? []) {
      if (edge.parent !== unit) continue;
      const { child } = edge;
      let target: { file: string; unit: string } | undefined;
      if (child.kind === 'local') {
        if (PARAM.test(child.unit) && child.unit !== unit) target = { file, unit: child.unit };
      } else if (child.param !== undefined && child.member === undefined && child.returned === undefined) {
        const helperFile = this.index.resolve(file, child.specifier);
        const fn = helperFile === undefined ? undefined : this.factsOf(helperFile)?.exports.get(child.name);
        if (helperFile !== undefined && fn !== undefined) target = { file: helperFile, unit: `${fn}@${child.param}` };
      }
      const found = target && this.prefixSetWhereHanded(target.file, target.unit, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** A script root (`fastify start <file>`) registers the default-exported plugin of `file` as the root (its instance is parameter 0). */
  private isScriptRoot(file: string, unit: string): boolean {
    return this.index.scriptRoots.has(file) && unit.endsWith('@0') && this.factsOf(file)?.exports.get('default') === unit.slice(0, -2);
  }

  /** Prefixes of `unit` including its own. */
  full(file: string, unit: string, depth = 0): PrefixOutcome {
    // Only the top-level answer is kept: below it, the depth bounds the walk (cycles).
    if (depth > 0) return this.computeFull(file, unit, depth);
    const key = `${file}\0${unit}`;
    let outcome = this.fulls.get(key);
    if (outcome === undefined) this.fulls.set(key, (outcome = this.computeFull(file, unit, 0)));
    return outcome;
  }

  private computeFull(file: string, unit: string, depth: number): PrefixOutcome {
    const own = this.own(file, unit);
    if (!own.ok) return own;
    const mounts = this.mounted(file, unit, depth);
    if (!mounts.ok) return mounts;
    return { ok: true, values: mounts.values.map((prefix) => prefix + own.values[0]!) };
  }

  /** Prefixes the mounts of `unit` put in front of it (its own prefix excluded). */
  mounted(file: string, unit: string, depth = 0): PrefixOutcome {
    if (depth > MAX_DEPTH) return { ok: false, reason: `the mounts above \`${unit}\` nest too deep or form a cycle` };
    const mounts = [...this.localMounts(file, unit), ...this.crossMounts(file, unit)];
    const facts = this.factsOf(file);
    if (mounts.length === 0) {
      if (facts?.created.get(unit)?.kind === 'app' || this.isScriptRoot(file, unit)) return { ok: true, values: [''] };
      const name = unit.startsWith('#return:')
        ? 'the object a function returns'
        : PARAM.test(unitDisplayName(unit)) && unitDisplayName(unit).startsWith('#')
          ? 'the plugin/function'
          : `\`${unitDisplayName(unit).replace(/@\d+$/, '')}\``;
      return {
        ok: false,
        unmounted: true,
        reason: `${name} in ${this.where(file, 1).replace(/:1$/, '')} is not mounted anywhere Fleet can follow (a computed or package import, or a dynamic registration)`,
      };
    }
    const skipsPrefix = facts?.skipOverride.has(unit.replace(/@\d+$/, '')) ?? false;
    const values = new Set<string>();
    for (const mount of mounts) {
      const { edge } = mount;
      if (edge.prefix === undefined) return { ok: false, reason: `mounted by ${this.where(mount.file, edge.line)} with a computed prefix` };
      const parent = this.full(mount.file, edge.parent, depth + 1);
      // Above a mount, "not mounted" is about another unit: no longer one the detector can vouch for.
      if (!parent.ok) return { ok: false, reason: parent.reason };
      const prefix = skipsPrefix ? '' : edge.prefix;
      for (const value of parent.values) values.add(joinPath(value, prefix === '/' ? '' : prefix));
    }
    return { ok: true, values: [...values] };
  }
}
