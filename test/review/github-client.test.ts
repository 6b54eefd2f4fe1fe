import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGithubClient } from '../../src/review/github-client.js';

/** A server answering each request with the next scripted status and headers. */
async function scripted(answers: { status: number; headers?: Record<string, string> }[]) {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
    const answer = answers.shift() ?? { status: 500 };
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify({ message: `status ${answer.status}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

describe('createGithubClient', () => {
  it('retries a 403 whose rate limit is exhausted, waiting until the reset', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    const { url, seen } = await scripted([
      { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } },
      { status: 200 },
    ]);
    const retries: [number, number][] = [];
    const octokit = createGithubClient({ token: 't', baseUrl: url, onRetry: (status, _wait, attempt) => retries.push([status, attempt]) });
    const response = await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'shop' });
    expect(response.status).toBe(200);
    expect(seen).toEqual(['GET /repos/acme/shop', 'GET /repos/acme/shop']);
    expect(retries).toEqual([[403, 1]]);
  });

  it('does not retry a 403 without rate-limit headers (a permission problem)', async () => {
    const { url, seen } = await scripted([{ status: 403 }, { status: 200 }]);
    const octokit = createGithubClient({ token: 't', baseUrl: url });
    await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'shop' })).rejects.toMatchObject({ status: 403 });
    expect(seen).toEqual(['GET /repos/acme/shop']);
  });

  it('gives up after the configured retries on repeated 429s', async () => {
    const limited = { status: 429, headers: { 'retry-after': '0' } };
    const { url, seen } = await scripted([limited, limited, limited]);
    const octokit = createGithubClient({ token: 't', baseUrl: url, retries: 2 });
    await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'shop' })).rejects.toMatchObject({ status: 429 });
    expect(seen).toHaveLength(3);
  });
});
