import { lookupImport } from './lookup-import.js';
import { moduleSummaryOf } from './module-summary-cache.js';
import { resolveModule } from './resolve-module.js';
import type { FloatingSite, ModuleCall, ModuleSummary, ParameterGuard, ValueSummary } from './types.js';

/** How many project modules a chain of helper calls may cross, the helper's own module included. */
export const MAX_HELPER_DEPTH = 3;

type FunctionSummary = Extract<ValueSummary, { kind: 'function' }>;

interface Entry {
  readonly site: FloatingSite | undefined;
  /** The module summaries the answer read, by file: it holds while each is still the current one. */
  readonly read: ReadonlyMap<string, ModuleSummary | undefined>;
}

/** Answers for a function reached `depth` modules into a chain, by function summary then depth. */
const cache = new WeakMap<FunctionSummary, Map<number, Entry>>();
/**
 * Answers for the first hop of a chain, by the call a handler's helper makes (its summary's
 * `calls` entry): they do not depend on the handler's call site, so every handler calling the
 * helper shares one answer instead of resolving and looking the call up again.
 */
const firstHops = new WeakMap<ModuleCall, Entry>();

/** True while every module summary `entry` read is still the current one. */
function current(entry: Entry): boolean {
  for (const [file, summary] of entry.read) if (moduleSummaryOf(file) !== summary) return false;
  return true;
}

/**
 * The work a project function floats, in its own module (its summary's `floats`) or in a
 * function of another project module it calls (its `calls`), across at most
 * {@link MAX_HELPER_DEPTH} modules: `updateOnboardingConfig()` → `this.updateMany()` →
 * `stopApp()` of `./helper` → `setTimeout()`. The site is where the work is finally started; its
 * `work` names the whole chain. `skips` tells, for the handler's own call, whether it passes
 * `false` for a parameter guarding the work (`update(name, value, false)`); deeper calls are
 * not read (any guard there counts as passed). Answers are cached per function summary (and the
 * first hop per call the helper makes) and checked against the current version of every module
 * they read (an editor's process follows a save of any of them); a cycle of imports ends the chain.
 */
export function floatingThrough(value: FunctionSummary, skips: (guard: ParameterGuard) => boolean = () => false): FloatingSite | undefined {
  const passes = (guard: ParameterGuard | undefined): boolean => guard === undefined || !skips(guard);
  if (value.floats && passes(value.floats.onlyIf)) return value.floats;
  for (const call of value.calls ?? []) {
    if (!passes(call.onlyIf)) continue;
    const inner = firstHop(call, value).site;
    if (inner) return inner;
  }
  return undefined;
}

/** {@link throughCall} of a helper's own call, cached per call (see {@link firstHops}). */
function firstHop(call: ModuleCall, helper: FunctionSummary): Entry {
  const cached = firstHops.get(call);
  if (cached && current(cached)) return cached;
  const answer = throughCall(call, 2, new Set([helper]));
  if (!answer.cut) firstHops.set(call, { site: answer.site, read: answer.read });
  return answer;
}

interface Answer extends Entry {
  /** A cycle cut the answer short: it depends on the path that reached it, so it is not cached. */
  readonly cut: boolean;
}

/** The work a function `depth` modules into the chain floats, cached. */
function reach(value: FunctionSummary, depth: number, path: Set<FunctionSummary>): Answer {
  if (value.floats) return { site: value.floats, read: new Map(), cut: false };
  if (!value.calls || depth >= MAX_HELPER_DEPTH) return { site: undefined, read: new Map(), cut: false };
  const byDepth = cache.get(value) ?? new Map<number, Entry>();
  cache.set(value, byDepth);
  const cached = byDepth.get(depth);
  if (cached && current(cached)) return { ...cached, cut: false };
  const read = new Map<string, ModuleSummary | undefined>();
  let site: FloatingSite | undefined;
  let cut = false;
  for (const call of value.calls) {
    const answer = throughCall(call, depth + 1, path);
    for (const [file, summary] of answer.read) read.set(file, summary);
    cut ||= answer.cut;
    site = answer.site;
    if (site) break;
  }
  if (!cut) byDepth.set(depth, { site, read });
  return { site, read, cut };
}

/** What `call` (made `depth - 1` modules in) reaches in the module it calls. */
function throughCall(call: ModuleCall, depth: number, path: Set<FunctionSummary>): Answer {
  const read = new Map<string, ModuleSummary | undefined>();
  // The module the call reads, so a later save of it drops a cached answer.
  const file = resolveModule(call.file, call.module);
  if (file !== undefined) read.set(file, moduleSummaryOf(file));
  const target = lookupImport(call.file, { module: call.module, name: call.name, members: call.members });
  if (target?.kind !== 'function') return { site: undefined, read, cut: false };
  if (path.has(target)) return { site: undefined, read, cut: true };
  path.add(target);
  const inner = reach(target, depth, path);
  path.delete(target);
  for (const [other, summary] of inner.read) read.set(other, summary);
  const site = inner.site ? { ...inner.site, work: `${call.text}() → ${inner.site.work}` } : undefined;
  return { site, read, cut: inner.cut };
}
