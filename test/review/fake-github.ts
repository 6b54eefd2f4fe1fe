/**
 * A local stand-in for the GitHub REST endpoints `fleet review` uses, on 127.0.0.1. It keeps the
 * pull request's review comments and reviews in memory, records every request, and can refuse
 * writes (a fork's token) or answer one rate limit first.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded request. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly authorization: string | undefined;
}

/** A review comment as the fake stores it. */
export interface FakeComment {
  id: number;
  body: string;
  path: string;
  line: number;
  start_line?: number | null;
  in_reply_to_id?: number;
  user: { login: string };
}

/** Behaviour switches of the fake. */
export interface FakeGithubOptions {
  /** POST /reviews and DELETE of comments answer 403 "Resource not accessible by integration". */
  readonly forbidWrites?: boolean;
  /** The first POST /reviews answers 429 with this `retry-after` (seconds). */
  readonly rateLimitFirstPost?: string;
}

/** A running fake; `close()` it after the test. */
export interface FakeGithub {
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly comments: FakeComment[];
  readonly reviews: { id: number; body: string; commit_id: string; event: string }[];
  close(): Promise<void>;
}

const PULL = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/(comments|reviews)$/;
const COMMENT = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/pulls\/comments\/(\d+)$/;

/** Starts the fake (served under `/api/v3`, as GitHub Enterprise Server is). */
export async function startFakeGithub(options: FakeGithubOptions = {}): Promise<FakeGithub> {
  const requests: RecordedRequest[] = [];
  const comments: FakeComment[] = [];
  const reviews: FakeGithub['reviews'] = [];
  let nextId = 1000;
  let rateLimited = false;
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<true> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(request);
    const body: unknown = text ? JSON.parse(text) : undefined;
    requests.push({ method: request.method ?? '', path: url.pathname, body, authorization: request.headers.authorization });
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}): true => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(data === undefined ? '' : JSON.stringify(data));
      return true;
    };
    const pull = PULL.exec(url.pathname);
    if (pull && request.method === 'GET') return send(200, pull[4] === 'comments' ? comments : reviews);
    if (pull?.[4] === 'reviews' && request.method === 'POST') {
      if (options.rateLimitFirstPost !== undefined && !rateLimited) {
        rateLimited = true;
        return send(429, { message: 'API rate limit exceeded' }, { 'retry-after': options.rateLimitFirstPost });
      }
      if (options.forbidWrites) return send(403, { message: 'Resource not accessible by integration' });
      const review = body as { body: string; commit_id: string; event: string; comments: Omit<FakeComment, 'id' | 'user'>[] };
      const id = nextId++;
      reviews.push({ id, body: review.body, commit_id: review.commit_id, event: review.event });
      for (const comment of review.comments) comments.push({ ...comment, id: nextId++, user: { login: 'github-actions[bot]' } });
      return send(200, { id });
    }
    const comment = COMMENT.exec(url.pathname);
    if (comment && request.method === 'DELETE') {
      if (options.forbidWrites) return send(403, { message: 'Resource not accessible by integration' });
      const index = comments.findIndex((item) => item.id === Number(comment[3]));
      if (index < 0) return send(404, { message: 'Not Found' });
      comments.splice(index, 1);
      return send(204);
    }
    return send(404, { message: `Not Found: ${request.method ?? ''} ${url.pathname}` });
  };
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v3`,
    requests,
    comments,
    reviews,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
