/**
 * Splits benchmark arguments into suite names and `--key value` / `--flag` options.
 * A `--key` followed by another `--option` or by nothing is a boolean flag; `--key=value` works too.
 * @param {string[]} argv
 * @returns {{ positionals: string[], options: Record<string, string | true> }}
 */
export function parseArgs(argv) {
  const positionals = [];
  /** @type {Record<string, string | true>} */
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 2) {
      options[arg.slice(2, eq)] = arg.slice(eq + 1);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--') && arg !== '--list') {
      options[arg.slice(2)] = next;
      i += 1;
    } else {
      options[arg.slice(2)] = true;
    }
  }
  return { positionals, options };
}

/**
 * Reads a positive integer option, with a clear error for anything else.
 * @param {Record<string, string | true>} options
 * @param {string} key
 * @param {number} fallback used when the option is absent
 */
export function intOption(options, key, fallback) {
  const raw = options[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`bench: --${key} must be a non-negative integer, got '${String(raw)}'.`);
  }
  return value;
}
