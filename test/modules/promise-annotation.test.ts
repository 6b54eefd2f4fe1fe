import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { isPromiseAnnotation } from '../../src/modules/promise-annotation.js';

describe('isPromiseAnnotation', () => {
  it('is false for an absent annotation given as `null`, as oxlint’s ESTree gives it', () => {
    // typescript-eslint leaves an absent `returnType` undefined; oxlint sets it to null.
    expect(isPromiseAnnotation(null as unknown as TSESTree.TSTypeAnnotation | undefined)).toBe(false);
    expect(isPromiseAnnotation(undefined)).toBe(false);
  });
});
