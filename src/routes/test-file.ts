/**
 * Test files are not part of the served app: a test builds its own app around a router or
 * plugin, so its routes are not the project's and its mounts must not decide a prefix.
 */

// Folders that hold tests by convention, and the `*.test.*` / `*.spec.*` suffixes of test runners.
const TEST_FOLDER = /(^|\/)(test|tests|__tests__|__mocks__|e2e)\//;
const TEST_SUFFIX = /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$/;

/** Whether `relative` (a `/`-separated path relative to the project root) is a test file. */
export function isTestFile(relative: string): boolean {
  return TEST_FOLDER.test(relative) || TEST_SUFFIX.test(relative);
}
