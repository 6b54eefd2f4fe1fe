import { lookupImport } from './lookup-import.js';
import { moduleSummaryOf } from './module-summary-cache.js';
import { resolveModule } from './resolve-module.js';
import type { FloatingSite, ModuleSummary, ValueSummary } from './types.js';

/** How many project modules a chain of helper calls may cross, the helper's own module included. */
export const MAX_HELPER_DEPTH = 3;

type FunctionSummary = Extract<ValueSummary, { kind: 'function' }>;

interface Entry {
  readonly site: FloatingSite | undefined;
  /** The module summaries the answer read, by file: it holds while each is still the current one. */
  readonly read: ReadonlyMap<string, ModuleSummary | undefined>;
}

const cache = new WeakMap<FunctionSummary, Entry>();

/**
 * The work a project function floats, in its own module (its summary's `floats`) or in a
 * function of another project module it calls (its `calls`), across at most
 * {@link MAX_HELPER_DEPTH} modules: `updateOnboardingConfig()` → `this.updateMany()` →
 * `stopApp()` of `./helper` → `setTimeout()`. The site is where the work is finally started; its
 * `work` names the whole chain. Cached per function summary, and checked against the current
 * version of every module the answer read (an editor's process follows a save of any of them);
 * a cycle of imports ends the chain.
 */
export function floatingThrough(value: FunctionSummary): FloatingSite | undefined {
  if (value.floats) return value.floats;
  if (!value.calls) return undefined;
  const cached = cache.get(value);
  if (cached && [...cached.read].every(([file, summary]) => moduleSummaryOf(file) === summary)) return cached.site;
  const read = new Map<string, ModuleSummary | undefined>();
  const site = follow(value, 1, new Set([value]), read);
  cache.set(value, { site, read });
  return site;
}

function follow(
  value: FunctionSummary,
  depth: number,
  path: Set<FunctionSummary>,
  read: Map<string, ModuleSummary | undefined>,
): FloatingSite | undefined {
  if (value.floats) return value.floats;
  if (!value.calls || depth >= MAX_HELPER_DEPTH) return undefined;
  for (const call of value.calls) {
    // The module the call reads, so a later save of it drops the cached answer.
    const file = resolveModule(call.file, call.module);
    if (file !== undefined && !read.has(file)) read.set(file, moduleSummaryOf(file));
    const target = lookupImport(call.file, { module: call.module, name: call.name, members: call.members });
    if (target?.kind !== 'function' || path.has(target)) continue;
    if (target.floats && !read.has(target.floats.file)) read.set(target.floats.file, moduleSummaryOf(target.floats.file));
    path.add(target);
    const inner = follow(target, depth + 1, path, read);
    path.delete(target);
    if (inner) return { ...inner, work: `${call.text}() → ${inner.work}` };
  }
  return undefined;
}
