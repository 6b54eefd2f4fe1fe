import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/cli/files.js';
import { makeProject } from './helpers.js';

function relativeFiles(root: string): { files: string[]; minified: string[] } {
  const found = discoverFiles(root);
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  return { files: found.files.map(rel), minified: found.minified.map(rel) };
}

describe('discoverFiles', () => {
  it('finds every JS/TS extension and skips other files and declaration files', () => {
    const root = makeProject({
      'a.ts': '',
      'b.tsx': '',
      'c.mts': '',
      'd.cts': '',
      'e.js': '',
      'f.jsx': '',
      'g.mjs': '',
      'h.cjs': '',
      'types.d.ts': '',
      'more.d.mts': '',
      'README.md': '',
      'data.json': '{}',
    });
    expect(relativeFiles(root).files).toEqual(['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs']);
  });

  it('skips dependency, build and cache directories at any depth', () => {
    const root = makeProject({
      'src/app.ts': '',
      'node_modules/x/index.js': '',
      'packages/web/node_modules/y/index.js': '',
      'dist/app.js': '',
      'build/app.js': '',
      '.next/server.js': '',
      'coverage/lcov.js': '',
      'out/a.js': '',
      'packages/web/dist/index.js': '',
      'packages/web/src/page.tsx': '',
    });
    expect(relativeFiles(root).files).toEqual(['packages/web/src/page.tsx', 'src/app.ts']);
  });

  it('honours the root .gitignore, nested .gitignore files and negations', () => {
    const root = makeProject({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/a.ts': '',
      'src/a.gen.ts': '',
      'generated/client.ts': '',
      'lib/.gitignore': 'legacy-*.js\n!legacy-keep.js\n',
      'lib/legacy-old.js': '',
      'lib/legacy-keep.js': '',
      'lib/current.js': '',
    });
    expect(relativeFiles(root).files).toEqual(['lib/current.js', 'lib/legacy-keep.js', 'src/a.ts']);
  });

  it('applies .gitignore files above the scanned folder up to the git root', () => {
    const root = makeProject({ '.gitignore': 'scratch/\n', 'app/src/a.ts': '', 'app/scratch/b.ts': '' });
    mkdirSync(path.join(root, '.git'));
    expect(relativeFiles(path.join(root, 'app')).files).toEqual(['src/a.ts']);
  });

  it('scans a folder that an enclosing .gitignore ignores when it is the folder asked for', () => {
    const root = makeProject({
      '.gitignore': 'vendor/\n',
      'vendor/lib/a.js': '',
      'vendor/lib/generated/b.js': '',
      'vendor/lib/.gitignore': 'generated/\n',
    });
    mkdirSync(path.join(root, '.git'));
    expect(relativeFiles(path.join(root, 'vendor', 'lib')).files).toEqual(['a.js']);
  });

  it('enters dot-directories other than build caches', () => {
    const root = makeProject({ '.storybook/main.ts': '', '.turbo/cache.js': '', '.git/hooks/pre-commit.js': '' });
    expect(relativeFiles(root).files).toEqual(['.storybook/main.ts']);
  });

  it('keeps Next.js dynamic segments such as [id] as literal paths', () => {
    const root = makeProject({ 'app/api/users/[id]/route.ts': '', 'app/[...slug]/page.tsx': '' });
    expect(relativeFiles(root).files).toEqual(['app/[...slug]/page.tsx', 'app/api/users/[id]/route.ts']);
  });

  it('sets minified bundles aside by name and by a very long line', () => {
    const root = makeProject({
      'public/vendor.min.js': 'x',
      'public/bundle.js': `var a=${'1+'.repeat(800)}1;`,
      'src/long-but-ts.ts': `const a = ${'1 + '.repeat(400)}1;`,
      'src/app.js': 'export const a = 1;\n',
    });
    expect(relativeFiles(root)).toEqual({
      files: ['src/app.js', 'src/long-but-ts.ts'],
      minified: ['public/bundle.js', 'public/vendor.min.js'],
    });
  });
});
