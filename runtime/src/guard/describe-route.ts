import { basename } from 'node:path';
import type { RequestScope } from './request-scope.js';

/** `GET /api/files/a.md (ide-only: GET /api/files/{*path}, fleet.routes.yaml:7)`, for messages. */
export function describeRoute(scope: RequestScope): string {
  const { declaration } = scope;
  if (declaration === undefined) return `${scope.method} ${scope.path} (not declared in ${basename(scope.manifestFile)})`;
  return `${scope.method} ${scope.path} (${declaration.role}: ${declaration.method} ${declaration.path}, ${whereDeclared(scope)})`;
}

/** `fleet.routes.yaml:7`: the manifest's base name (a response must not leak server paths) and the declaration's line. */
export function whereDeclared(scope: RequestScope): string {
  return `${basename(scope.manifestFile)}:${String(scope.declaration?.position.line ?? 1)}`;
}
