import { TaskInputError } from './errors.js';
import type { JsonValue } from './json.js';
import { unstorableText } from './storable-text.js';

const describe = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name} object` : 'an object with a custom prototype';
};

/**
 * Check that `value` survives a JSON round trip unchanged, so what the executor reads equals what
 * was enqueued. Throws a {@link TaskInputError} naming the path of the first bad value
 * (`payload.items[2].at`) and what to send instead.
 */
export function assertJsonSafe(value: unknown, where: string): asserts value is JsonValue {
  const visit = (item: unknown, path: string, seen: Set<object>): void => {
    if (typeof item === 'string') {
      const problem = unstorableText(item);
      if (problem !== null) throw new TaskInputError(`${path} ${problem}.`);
      return;
    }
    if (item === null || typeof item === 'boolean') return;
    if (typeof item === 'number') {
      if (Number.isFinite(item)) return;
      throw new TaskInputError(`${path} is ${String(item)}, which JSON cannot represent; send a finite number or null.`);
    }
    if (typeof item !== 'object') {
      throw new TaskInputError(
        `${path} is ${describe(item)}, which does not survive JSON; send plain data (strings, numbers, booleans, null, arrays, plain objects).`,
      );
    }
    if (seen.has(item)) throw new TaskInputError(`${path} refers back to one of its parents; JSON cannot hold cycles.`);
    seen.add(item);
    if (Array.isArray(item)) {
      item.forEach((element, index) => {
        visit(element, `${path}[${String(index)}]`, seen);
      });
    } else {
      const proto = Object.getPrototypeOf(item) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        const hint = item instanceof Date ? ' send `date.toISOString()`' : ' send its fields as a plain object';
        throw new TaskInputError(`${path} is ${describe(item)}, which does not survive JSON;${hint}.`);
      }
      for (const [key, child] of Object.entries(item)) {
        const keyProblem = unstorableText(key);
        if (keyProblem !== null) throw new TaskInputError(`${path} has a key that ${keyProblem}.`);
        visit(child, /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, seen);
      }
    }
    seen.delete(item);
  };
  visit(value, where, new Set());
}
