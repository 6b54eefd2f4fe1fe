/** What a folder is as a project root, for telling Next.js middleware files from look-alikes. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `next`: a `next.config.*` is there; `package`: only a `package.json`; `none`: neither. */
export type ProjectRoot = 'next' | 'package' | 'none';

const known = new Map<string, ProjectRoot>();
const CONFIGS = ['js', 'mjs', 'cjs', 'ts', 'mts'].map((ext) => `next.config.${ext}`);

/** Looks at `folder` once per process (answers are cached: config files do not move during a lint run). */
export function projectRoot(folder: string): ProjectRoot {
  let answer = known.get(folder);
  if (answer === undefined) {
    answer = CONFIGS.some((name) => existsSync(join(folder, name)))
      ? 'next'
      : existsSync(join(folder, 'package.json'))
        ? 'package'
        : 'none';
    known.set(folder, answer);
  }
  return answer;
}
