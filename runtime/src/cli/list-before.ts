import { parseListBefore } from '../list-cursor.js';
import { UsageError } from './io.js';

/** `--before <cursor>` checked up front, so a wrong value is a usage error (exit 2), not a crash. */
export function listBefore(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    parseListBefore(value);
  } catch {
    throw new UsageError(
      `--before ${value} is not a task cursor; pass the \`cursor\` of the last task of the previous page (shown under the table, or in --json).`,
    );
  }
  return value;
}

/** Whether `args[i]` is `--before`, its value, or `--before=…` (left out of the next-page hint). */
export function isBeforeArg(args: readonly string[], i: number): boolean {
  const arg = args[i] ?? '';
  return arg === '--before' || arg.startsWith('--before=') || (i > 0 && args[i - 1] === '--before');
}
