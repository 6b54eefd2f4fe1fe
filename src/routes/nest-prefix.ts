/** NestJS: the global prefix (`app.setGlobalPrefix('api')`, found in the project's bootstrap file) in front of a controller route. */
import path from 'node:path';
import { joinRoutePath } from '../handlers/detectors/nestjs/route-paths.js';
import type { MountIndex } from './project-mounts.js';

function where(index: MountIndex, file: string, line: number): string {
  return `${path.relative(index.root, file).split(path.sep).join('/')}:${line}`;
}

/** The full path of a Nest route (`routePath` joins controller and method paths), or why it is unknown. */
export function nestPrefix(index: MountIndex, routePath: string): { paths: string[] } | { reason: string } {
  const versioning = index.uriVersioning[0];
  if (versioning) {
    return { reason: `the app enables URI versioning (${where(index, versioning.file, versioning.line)}), which adds a version segment Fleet does not compute` };
  }
  const calls = index.globalPrefixes;
  if (calls.length === 0) return { paths: [routePath] };
  const [first] = calls;
  for (const { file, call } of calls) {
    if (call.prefix === undefined) return { reason: `the global prefix set at ${where(index, file, call.line)} is not a static string` };
    if (call.prefix !== first!.call.prefix) return { reason: `the project sets different global prefixes (${calls.map((c) => where(index, c.file, c.call.line)).join(', ')})` };
    if (call.exclude === undefined) return { reason: `the \`exclude\` list of the global prefix at ${where(index, file, call.line)} is not static` };
  }
  const bare = routePath.replace(/^\/+/, '');
  const excluded = first!.call.exclude!.some((entry) => entry.replace(/^\/+/, '') === bare);
  return { paths: [excluded ? routePath : joinRoutePath(first!.call.prefix!, routePath)] };
}
