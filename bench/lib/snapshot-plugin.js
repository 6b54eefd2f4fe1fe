import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Copies the built plugin (`dist/` and `package.json`) to `<workDir>/plugin` and returns that
 * folder: other work may rebuild `dist/` during a run of several minutes, and every timed process
 * of one run must load the same build.
 * @param {string} root repository root
 * @param {string} workDir the suite's scratch folder
 * @returns {Promise<string>}
 */
export async function snapshotPlugin(root, workDir) {
  const plugin = path.join(workDir, 'plugin');
  await rm(plugin, { recursive: true, force: true });
  await mkdir(plugin, { recursive: true });
  await cp(path.join(root, 'dist'), path.join(plugin, 'dist'), { recursive: true });
  await cp(path.join(root, 'package.json'), path.join(plugin, 'package.json'));
  return plugin;
}
