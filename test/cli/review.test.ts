import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitMore, twoCommits } from '../review/git-repo.js';
import type { TwoCommits } from '../review/git-repo.js';
import { startFakeGithub } from '../review/fake-github.js';
import type { FakeGithub, FakeGithubOptions } from '../review/fake-github.js';
import { BASE_APP, HEAD_APP } from '../review/review-project.js';
import { runCli } from './helpers.js';

const PULL = '/api/v3/repos/acme/shop/pulls/7';
let github: FakeGithub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

async function setUp(options: FakeGithubOptions = {}): Promise<{ repo: TwoCommits; github: FakeGithub }> {
  github = await startFakeGithub(options);
  return { repo: twoCommits({ 'src/app.ts': BASE_APP }, { 'src/app.ts': HEAD_APP }), github };
}

/** `fleet review` as GitHub Actions runs it on a pull_request event, against the fake. */
async function review(repo: TwoCommits, fake: FakeGithub, extra: readonly string[] = [], env: Record<string, string> = {}) {
  const event = path.join(repo.root, '.git', 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
  return runCli(['review', '--base', repo.base, '--no-types', ...extra], {
    cwd: repo.root,
    env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: 'acme/shop', GITHUB_EVENT_PATH: event, ...env },
  });
}

const calls = (fake: FakeGithub) => fake.requests.map((request) => `${request.method} ${request.path}`);

describe('fleet review against a local GitHub', () => {
  it('posts one review with comments on the added lines only: a suggestion, or the guidance collapsed', async () => {
    const { repo, github: fake } = await setUp();
    const run = await review(repo, fake);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('fleet review: posted a review on acme/shop#7 with 2 inline comments (0 already commented).\n');
    expect(calls(fake)).toEqual([`GET ${PULL}/comments`, `GET ${PULL}/reviews`, `POST ${PULL}/reviews`]);
    expect(fake.requests.every((request) => request.authorization === 'token test-token')).toBe(true);
    const posted = fake.requests[2]!.body as {
      commit_id: string;
      event: string;
      body: string;
      comments: { path: string; line: number; side: string; start_line?: number; body: string }[];
    };
    expect(posted.commit_id).toBe(repo.head);
    expect(posted.event).toBe('COMMENT');
    expect(posted.body).toBe('**Fleet** found 2 new findings in this pull request.\n\n<!-- fleet-review fingerprints: -->');
    // The existing `send('b').catch()` on line 10 is not on an added line: no comment.
    expect(posted.comments.map(({ path: file, line, side, start_line }) => ({ file, line, side, start_line }))).toEqual([
      { file: 'src/app.ts', line: 24, side: 'RIGHT', start_line: undefined },
      { file: 'src/app.ts', line: 29, side: 'RIGHT', start_line: undefined },
    ]);
    const [voided, timer] = posted.comments;
    expect(voided!.body).toMatch(
      /^\*\*\[`fleet\/no-floating-work-in-handler`\]\(https:\/\/github\.com\/fleet-dev\/fleet\/blob\/main\/docs\/rules\/no-floating-work-in-handler\.md\)\*\* `void` silences the rejection of `send\(\)` in handler `POST \/a`/,
    );
    expect(voided!.body).toContain("A request handler's process may be frozen (serverless)");
    expect(voided!.body).toContain("Suggested fix: Await it.\n\n```suggestion\n  await send('a');\n```\n\n<!-- fleet-review fingerprint:");
    expect(voided!.body).not.toContain('<details>');
    expect(timer!.body).toMatch(/`setTimeout\(\)` in handler `POST \/t`/);
    expect(timer!.body).toContain('<details>\n<summary>How to fix</summary>\n\nAwait the work when it is short.');
    expect(timer!.body).not.toContain('```suggestion');
    expect(timer!.body).toContain('```sh\nnpx fleet codemod spawn-to-taskspec src/app.ts\n```');
    expect(timer!.body).toMatch(/<!-- fleet-review fingerprint:[0-9a-f]{32} -->$/);
  });

  it('stays quiet on a re-run with no change', async () => {
    const { repo, github: fake } = await setUp();
    await review(repo, fake);
    fake.requests.length = 0;
    const again = await review(repo, fake);
    expect(again).toEqual({ code: 0, stdout: 'fleet review: nothing new to post (2 findings already commented).\n', stderr: '' });
    expect(calls(fake)).toEqual([`GET ${PULL}/comments`, `GET ${PULL}/reviews`]);
  });

  it('comments only the new finding of a new commit and deletes its stale comments unless someone replied', async () => {
    const { repo, github: fake } = await setUp();
    await review(repo, fake);
    const [voided, timer] = fake.comments;
    fake.comments.push({
      id: 1,
      body: 'This timer is deliberate, see the ticket.',
      path: 'src/app.ts',
      line: 29,
      in_reply_to_id: timer!.id,
      user: { login: 'dev' },
    });
    commitMore(repo.root, {
      'src/app.ts':
        HEAD_APP.replace("void send('a');", "await send('a');").replace("setTimeout(() => send('t'), 10);", "await send('t');") +
        "\napp.post('/z', async (req, res) => {\n  void send('z');\n  res.sendStatus(202);\n});\n",
    });
    fake.requests.length = 0;
    const run = await review(repo, fake);
    expect(run.stdout).toBe(
      'fleet review: posted a review on acme/shop#7 with 1 inline comment (0 already commented; deleted 1 stale comment).\n',
    );
    expect(calls(fake)).toEqual([
      `GET ${PULL}/comments`,
      `GET ${PULL}/reviews`,
      `DELETE /api/v3/repos/acme/shop/pulls/comments/${voided!.id}`,
      `POST ${PULL}/reviews`,
    ]);
    const posted = fake.requests[3]!.body as { comments: { line: number; body: string }[] };
    expect(posted.comments.map((comment) => comment.line)).toEqual([34]);
    expect(posted.comments[0]!.body).toContain('in handler `POST /z`');
    expect(fake.comments.map((comment) => comment.id)).toEqual([timer!.id, 1, fake.comments[2]!.id]);
  });

  it('puts findings past --max-comments in the review body, and does not repeat them', async () => {
    const { repo, github: fake } = await setUp();
    const run = await review(repo, fake, ['--max-comments', '1']);
    expect(run.stdout).toBe(
      'fleet review: posted a review on acme/shop#7 with 1 inline comment and 1 in its body (0 already commented).\n',
    );
    const posted = fake.requests[2]!.body as { body: string; comments: { line: number }[] };
    expect(posted.comments.map((comment) => comment.line)).toEqual([24]);
    expect(posted.body).toMatch(
      /^\*\*Fleet\*\* found 2 new findings in this pull request\.\n\nThis one has no inline comment \(outside the diff, or past the comment limit\):\n\n\| Where \| Severity \| Rule \| Finding \|\n\| --- \| --- \| --- \| --- \|\n\| `src\/app\.ts:29` \| error \| `fleet\/no-floating-work-in-handler` \| `setTimeout\(\)` in handler `POST \/t`.*\|\n\n<!-- fleet-review fingerprints:[0-9a-f]{32} -->$/,
    );
    fake.requests.length = 0;
    expect((await review(repo, fake, ['--max-comments', '1'])).stdout).toBe(
      'fleet review: nothing new to post (2 findings already commented).\n',
    );
  });

  it('with --filter-mode file, reports the unchanged finding of a changed file in the body', async () => {
    const { repo, github: fake } = await setUp();
    await review(repo, fake, ['--filter-mode', 'file']);
    const posted = fake.requests[2]!.body as { body: string; comments: { line: number }[] };
    expect(posted.comments.map((comment) => comment.line)).toEqual([24, 29]);
    expect(posted.body).toContain(
      '| `src/app.ts:10` | error | `fleet/no-floating-work-in-handler` | `.catch()` handles the rejection of `send()` in handler `POST /b`',
    );
  });

  it('falls back to annotations and a job summary when the token cannot write (fork pull requests)', async () => {
    const { repo, github: fake } = await setUp({ forbidWrites: true });
    const summary = path.join(repo.root, '.git', 'summary.md');
    const run = await review(repo, fake, [], { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'fleet review: The token cannot write pull-request reviews here (a pull request from a fork, or a job without `pull-requests: write`), so the findings are shown as annotations instead.\n',
    );
    expect(run.stdout.split('\n').map((line) => line.split('::').slice(0, 2).join('::'))).toEqual([
      '::error file=src/app.ts,line=24,endLine=24,col=3,endColumn=17,title=fleet/no-floating-work-in-handler',
      '::error file=src/app.ts,line=29,endLine=29,col=3,endColumn=34,title=fleet/no-floating-work-in-handler',
      '',
    ]);
    expect(calls(fake)).toEqual([`GET ${PULL}/comments`, `GET ${PULL}/reviews`, `POST ${PULL}/reviews`]);
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('## Fleet review\n\nThe token cannot write pull-request reviews here');
    expect(markdown).toContain('**2 new findings** in 1 file.');
    expect(markdown).toContain('| `src/app.ts:24` | error | `fleet/no-floating-work-in-handler` |');
  });

  it('falls back as well when it cannot delete its stale comments', async () => {
    const { repo, github: fake } = await setUp({ forbidWrites: true });
    fake.comments.push({
      id: 5,
      body: 'Old.\n\n<!-- fleet-review fingerprint:0123456789abcdef0123456789abcdef -->',
      path: 'src/app.ts',
      line: 3,
      user: { login: 'github-actions[bot]' },
    });
    const run = await review(repo, fake);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('so the findings are shown as annotations instead.');
    expect(run.stdout.match(/^::error /gm)).toHaveLength(2);
    expect(calls(fake)).toEqual([`GET ${PULL}/comments`, `GET ${PULL}/reviews`, 'DELETE /api/v3/repos/acme/shop/pulls/comments/5']);
  });

  it('retries a rate-limited review after retry-after, posting it once', async () => {
    const { repo, github: fake } = await setUp({ rateLimitFirstPost: '1' });
    const started = Date.now();
    const run = await review(repo, fake);
    expect(run.stderr).toBe('fleet review: GitHub answered 429; retry 1 in 1 s.\n');
    expect(run.stdout).toContain('posted a review on acme/shop#7 with 2 inline comments');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(calls(fake)).toEqual([`GET ${PULL}/comments`, `GET ${PULL}/reviews`, `POST ${PULL}/reviews`, `POST ${PULL}/reviews`]);
    expect(fake.reviews).toHaveLength(1);
  });

  it('prints the review as JSON with --dry, without a token or any request', async () => {
    const { repo, github: fake } = await setUp();
    const run = await runCli(['review', '--base', repo.base, '--no-types', '--dry'], { cwd: repo.root, env: {} });
    const printed = JSON.parse(run.stdout) as { commit_id: string; comments: { line: number }[] };
    expect(printed.commit_id).toBe(repo.head);
    expect(printed.comments.map((comment) => comment.line)).toEqual([24, 29]);
    expect(fake.requests).toEqual([]);
  });

  it('takes the base from GITHUB_BASE_REF (merge base with origin/<branch>) and the head from GITHUB_SHA', async () => {
    const { repo } = await setUp();
    execFileSync('git', ['update-ref', 'refs/remotes/origin/main', repo.base], { cwd: repo.root });
    const run = await runCli(['review', '--no-types', '--dry'], {
      cwd: repo.root,
      env: { GITHUB_BASE_REF: 'main', GITHUB_SHA: repo.head },
    });
    const printed = JSON.parse(run.stdout) as { commit_id: string; comments: { line: number }[] };
    expect(printed.commit_id).toBe(repo.head);
    expect(printed.comments.map((comment) => comment.line)).toEqual([24, 29]);
  });

  it('explains a missing token, base or checkout', async () => {
    const { repo } = await setUp();
    expect(await runCli(['review', '--base', repo.base, '--repo', 'acme/shop', '--pr', '7'], { cwd: repo.root, env: {} })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'fleet review: GITHUB_TOKEN is not set; give the job `pull-requests: write` and pass the token (or use --dry to print the review).\n',
    });
    expect((await runCli(['review', '--dry'], { cwd: repo.root, env: {} })).stderr).toBe(
      'fleet review: no base to compare with; pass --base <ref> (in GitHub Actions, GITHUB_BASE_REF gives it on pull_request events).\n',
    );
    expect((await runCli(['review', '--dry', '--base', repo.base, '--head', repo.base], { cwd: repo.root, env: {} })).stderr).toBe(
      `fleet review: the working tree is not at the head ${repo.base} (${repo.base.slice(0, 12)}); check it out first (actions/checkout with ref: the pull request's head SHA).\n`,
    );
  });
});
