/** The folder of the nearest `package.json` above a file, within a project root. */
import { existsSync } from 'node:fs';
import path from 'node:path';

const known = new Map<string, string>();

/** The nearest folder holding a `package.json` above `file` (absolute), `projectRoot` when none is below it. */
export function packageRoot(file: string, projectRoot: string): string {
  const start = path.dirname(file);
  const cached = known.get(start);
  if (cached !== undefined) return cached;
  let folder = start;
  // A root of `/` (ESLint's RuleTester) already ends with the separator.
  const inside = projectRoot.endsWith(path.sep) ? projectRoot : projectRoot + path.sep;
  while (folder !== projectRoot && folder.startsWith(inside) && !existsSync(path.join(folder, 'package.json')))
    folder = path.dirname(folder);
  const root = folder.startsWith(projectRoot) ? folder : projectRoot;
  known.set(start, root);
  return root;
}
