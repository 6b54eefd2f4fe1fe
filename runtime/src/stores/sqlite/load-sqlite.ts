type SqliteModule = typeof import('node:sqlite');

let loaded: Promise<SqliteModule> | undefined;

/**
 * Import `node:sqlite`. On Node 22.13–22.x the module works without a flag but prints
 * "ExperimentalWarning: SQLite is an experimental feature" once on load; that line in a
 * production log reads like a fault, so only that one warning is swallowed while importing.
 * Node 24 prints nothing. Older Node (no `node:sqlite`) gets an error saying what to do.
 */
export function loadSqlite(): Promise<SqliteModule> {
  loaded ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- restored as-is and only called with `process` as `this`
    const emitWarning = process.emitWarning;
    process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
      const text = typeof warning === 'string' ? warning : warning.message;
      if (/SQLite/i.test(text)) return;
      (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
    };
    try {
      return await import('node:sqlite');
    } catch (error) {
      throw new Error(
        `fleet-runtime: node:sqlite is not available in Node ${process.version}; the SQLite store needs Node >= 22.13. Upgrade Node or set FLEET_DATABASE_URL=postgres://…`,
        { cause: error },
      );
    } finally {
      process.emitWarning = emitWarning;
    }
  })();
  return loaded;
}
