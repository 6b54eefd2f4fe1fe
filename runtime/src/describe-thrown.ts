const MAX_ERROR = 2000;

/** `String(read())`, or null when reading or converting throws (a throwing getter or `toString`). */
function text(read: () => unknown): string | null {
  try {
    return String(read());
  } catch {
    return null;
  }
}

/**
 * One line for anything an executor may throw, for `lastError` and logs. Never throws: a value that
 * cannot be turned into a string (`Object.create(null)`, a `toString` that throws, an `Error` whose
 * `message` getter throws) is still described, so it is recorded as a failure like any other.
 */
export function describeThrown(error: unknown): string {
  let line: string;
  if (error instanceof Error) {
    line = `${text(() => error.name) ?? 'Error'}: ${text(() => error.message) ?? '(its message could not be read)'}`;
  } else {
    const shown = text(() => error);
    line = `thrown value: ${shown ?? `${text(() => Object.prototype.toString.call(error)) ?? 'a value'}, which cannot be turned into a string`}`;
  }
  return line.length > MAX_ERROR ? `${line.slice(0, MAX_ERROR)}…` : line;
}
