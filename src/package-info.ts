/**
 * The package's own name and version, read from its `package.json`. Found by walking up from
 * this module because the relative depth differs between the sources (`src/cli/`) and the
 * build (`dist/src/cli/`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Name and version of `eslint-plugin-fleet` as installed. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
}

const PACKAGE_NAME = 'eslint-plugin-fleet';

/** Reads the `eslint-plugin-fleet` `package.json` this CLI ships in. */
export function packageInfo(): PackageInfo {
  const json = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as PackageInfo;
  return { name: json.name, version: json.version };
}

/** The directory of the installed `eslint-plugin-fleet` package (its `docs/` ship with it). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as Partial<PackageInfo>;
      if (json.name === PACKAGE_NAME && typeof json.version === 'string') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`Cannot find the ${PACKAGE_NAME} package.json above ${fileURLToPath(import.meta.url)}; reinstall the package.`);
    dir = parent;
  }
}
