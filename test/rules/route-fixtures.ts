// Shared by the RuleTester suites of the manifest-backed rules: the fixture files that place a
// case next to a manifest (see the READMEs under test/fixtures/routes/) and a clean manifest cache per suite.
import { clearManifestCache } from 'fleet-routes';
import { afterAll, beforeAll } from 'vitest';
import { clearManifestLookupCache } from '../../src/route-manifest.js';

/** A file under the `basic` fixture project, whose manifest is `MANIFEST`. */
export const BASIC = 'test/fixtures/routes/basic/src/app.ts';
/** The manifest that applies to `BASIC`, as messages print it. */
export const MANIFEST = 'test/fixtures/routes/basic/fleet.routes.yaml';
/** A file no manifest applies to. */
export const NO_MANIFEST = 'test/fixtures/routes/no-manifest/src/app.ts';

/** Starts the calling suite with empty manifest caches and leaves none behind. */
export function useFreshManifestCaches(): void {
  beforeAll(() => {
    clearManifestCache();
    clearManifestLookupCache();
  });
  afterAll(() => {
    clearManifestCache();
  });
}
