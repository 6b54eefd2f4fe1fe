/** Glob matching for the `files` of `settings.fleet.handlers` / `handlerFiles` entries. */
import { relative } from 'node:path';
import { Minimatch } from 'minimatch';

const compiled = new Map<string, Minimatch>();
// Every file is tested against the same few entries by several detectors and rules; remember answers.
const answers = new Map<string, boolean>();

/**
 * True when `filename` matches one of `globs`. Globs are matched against the path relative to
 * the current working directory (`process.cwd()`, where ESLint or `fleet` runs), with `/`
 * separators on every platform, `matchBase` off (a glob without `/` matches only files at the
 * root: write `**\/*.ts` for any folder) and `dot: true` (dot-folders such as `.server/` match).
 */
export function matchesFiles(filename: string, globs: readonly string[], cwd: string = process.cwd()): boolean {
  const key = `${cwd}\0${filename}\0${globs.join('\0')}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const path = relative(cwd, filename).replaceAll('\\', '/');
  const answer = globs.some((glob) => {
    let matcher = compiled.get(glob);
    if (matcher === undefined) {
      matcher = new Minimatch(glob, { dot: true, matchBase: false });
      compiled.set(glob, matcher);
    }
    return matcher.match(path);
  });
  answers.set(key, answer);
  return answer;
}
