/**
 * The GitHub REST client of `fleet review`: the official `@octokit/rest`, pointed at
 * `GITHUB_API_URL` (GitHub Enterprise Server works), with retries on rate limits. A 429, or a
 * 403 that carries `retry-after` or an exhausted `x-ratelimit-remaining`, waits as told (capped)
 * and tries again; any other 403 is a permission problem and is not retried.
 */
import { Octokit } from '@octokit/rest';

/** Options of {@link createGithubClient}. */
export interface GithubClientOptions {
  readonly token: string;
  /** `GITHUB_API_URL`; default `https://api.github.com`. */
  readonly baseUrl?: string;
  /** Retries after the first attempt. Default 3. */
  readonly retries?: number;
  /** Longest wait for one retry, in ms. Default 60 000. */
  readonly maxWaitMs?: number;
  /** Called before each wait (the CLI prints a line, so a slow run explains itself). */
  readonly onRetry?: (status: number, waitMs: number, attempt: number) => void;
}

interface HttpFailure {
  readonly status?: number;
  readonly response?: { readonly headers?: Readonly<Record<string, string | number | undefined>> };
}

/** An Octokit for the GitHub REST API with the retry policy above. */
export function createGithubClient(options: GithubClientOptions): Octokit {
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'fleet-review',
    // Octokit's default logger writes deprecation notices to the console; the CLI reports itself.
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const retries = options.retries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const wait = retryWait(error as HttpFailure, attempt, maxWaitMs);
        if (wait === undefined || attempt > retries) throw error;
        options.onRetry?.((error as HttpFailure).status ?? 0, wait, attempt);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  });
  return octokit;
}

/** How long to wait before retrying, or `undefined` when the failure is not a rate limit. */
function retryWait(error: HttpFailure, attempt: number, maxWaitMs: number): number | undefined {
  const headers = error.response?.headers ?? {};
  const retryAfter = headers['retry-after'];
  const remaining = headers['x-ratelimit-remaining'];
  const limited = error.status === 429 || (error.status === 403 && (retryAfter !== undefined || String(remaining) === '0'));
  if (!limited) return undefined;
  if (retryAfter !== undefined && Number.isFinite(Number(retryAfter))) return Math.min(Number(retryAfter) * 1000, maxWaitMs);
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.min(Math.max(reset * 1000 - Date.now(), 0), maxWaitMs);
  // Secondary limits without a hint: GitHub asks for at least a minute; back off exponentially up to the cap.
  return Math.min(2 ** attempt * 1000, maxWaitMs);
}
