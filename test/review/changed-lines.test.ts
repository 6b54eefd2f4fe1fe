import { describe, expect, it } from 'vitest';
import { changedLines, inOneHunk } from '../../src/review/changed-lines.js';

const DIFF = `diff --git a/src/a.ts b/src/a.ts
index 1111111..2222222 100644
--- a/src/a.ts
+++ b/src/a.ts
@@ -2,4 +2,5 @@ import x from 'x';
 const a = 1;
-const b = 2;
+const b = 3;
+const c = 4;
 const d = 5;
 const e = 6;
diff --git a/src/old.ts b/src/renamed.ts
similarity index 90%
rename from src/old.ts
rename to src/renamed.ts
index 3333333..4444444 100644
--- a/src/old.ts
+++ b/src/renamed.ts
@@ -1,2 +1,2 @@
-export const x = 1;
+export const x = 2;
 export const y = 2;
diff --git a/src/gone.ts b/src/gone.ts
deleted file mode 100644
index 5555555..0000000
--- a/src/gone.ts
+++ /dev/null
@@ -1 +0,0 @@
-export const gone = 1;
`;

describe('changedLines', () => {
  const changed = changedLines(DIFF);

  it('keeps added lines and every right-side hunk line per head path, following renames and skipping deletions', () => {
    expect([...changed.keys()]).toEqual(['src/a.ts', 'src/renamed.ts']);
    expect([...changed.get('src/a.ts')!.added]).toEqual([3, 4]);
    expect([...changed.get('src/a.ts')!.commentable]).toEqual([2, 3, 4, 5, 6]);
    expect(changed.get('src/a.ts')!.hunks).toEqual([[2, 6]]);
    expect([...changed.get('src/renamed.ts')!.added]).toEqual([1]);
  });

  it('tells whether a range lies in one hunk', () => {
    expect(inOneHunk(changed.get('src/a.ts')!, 3, 6)).toBe(true);
    expect(inOneHunk(changed.get('src/a.ts')!, 1, 3)).toBe(false);
  });
});
