/**
 * Politeness in time: requests to one host are spaced by a minimum
 * interval, and waits the server asks for (Retry-After, X-RateLimit-Reset)
 * are honoured up to a cap, so a server cannot park the poller for hours.
 */

/** Sleeps `ms`, or less if the signal aborts (then rejects with its reason). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export class HostSpacer {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly sleep: Sleep = realSleep,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits until `host` may be asked again, and books the slot after it. */
  async take(host: string, signal?: AbortSignal): Promise<void> {
    const at = Math.max(this.now(), this.next.get(host) ?? 0);
    this.next.set(host, at + this.intervalMs);
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait, signal);
  }

  /** The server asked for quiet until `until` (epoch ms). */
  holdUntil(host: string, until: number): void {
    this.next.set(host, Math.max(this.next.get(host) ?? 0, until));
  }
}

/**
 * How long a response asks the client to wait, in ms: Retry-After (seconds
 * or an HTTP date), else X-RateLimit-Reset (an ISO date, as Mastodon
 * sends) when the remaining allowance is spent or the status is 429.
 */
export function requestedWait(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  now: number = Date.now(),
): number | null {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim()) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const remaining = header('x-ratelimit-remaining');
  const reset = header('x-ratelimit-reset');
  if (reset !== undefined && (status === 429 || remaining?.trim() === '0')) {
    const at = /^\d+$/.test(reset.trim()) ? Number(reset.trim()) * 1000 : Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return null;
}
