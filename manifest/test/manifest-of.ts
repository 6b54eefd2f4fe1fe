import { parseManifest, type Manifest } from '../src/index.js';

/** Parses manifest text that a test expects to be valid. */
export function manifestOf(source: string): Manifest {
  const result = parseManifest(source, 'fleet.routes.yaml');
  if (!result.ok) throw result.error;
  return result.manifest;
}
