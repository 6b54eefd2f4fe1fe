import { describe, expect, test } from 'vitest';
import { isTestFile } from '../../src/routes/test-file.js';

describe('isTestFile', () => {
  test('test runner suffixes', () => {
    expect(isTestFile('src/users.test.ts')).toBe(true);
    expect(isTestFile('src/users.spec.js')).toBe(true);
    expect(isTestFile('apps/api/test/app.e2e-spec.ts')).toBe(true);
  });

  test('test folders at any depth', () => {
    expect(isTestFile('test/unit/node/proxy.ts')).toBe(true);
    expect(isTestFile('packages/web/__tests__/routes.ts')).toBe(true);
    expect(isTestFile('e2e/fixtures/server.ts')).toBe(true);
  });

  test('app files whose names only contain the words', () => {
    expect(isTestFile('src/routes/test-runs.ts')).toBe(false);
    expect(isTestFile('src/latest/index.ts')).toBe(false);
    expect(isTestFile('src/contest.ts')).toBe(false);
  });
});
