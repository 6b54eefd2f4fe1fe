// The suffixes of test runners (`*.test.ts`, `*.spec.js`, Nest's `*.e2e-spec.ts`) and Jest's folder.
const TEST_MODULE = /(?:^|[\\/])__tests__[\\/]|\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/;

/** Whether `filename` is a test module: its handlers are test doubles, never served. */
export function isTestModule(filename: string): boolean {
  return TEST_MODULE.test(filename);
}
