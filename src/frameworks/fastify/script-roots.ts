/** fastify-cli: the file `fastify start [options] <file>` loads and registers on the root instance. */

// `fastify start [options] <file>`; options with a value are `-x value` or `--opt=value`.
const FASTIFY_START = /\bfastify\s+start\s+((?:-{1,2}[\w-]+(?:[= ](?!-)\S+)?\s+)*)([^\s&;|-][^\s&;|]*)/g;

/** The files a `package.json` script starts with fastify-cli, relative to the package; none under a `--prefix`. */
export function startScriptRoots(script: string): string[] {
  const roots: string[] = [];
  for (const match of script.matchAll(FASTIFY_START)) {
    // A `--prefix` / `-x` option puts every route under a prefix Fleet does not read.
    if (/(^|\s)(-x|--prefix)\b/.test(match[1] ?? '')) continue;
    roots.push(match[2]!);
  }
  return roots;
}
