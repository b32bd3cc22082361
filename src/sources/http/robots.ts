/**
 * robots.txt, fetched once per origin per run. As the Robots Exclusion
 * Protocol (RFC 9309) says: a missing file (4xx) allows everything; a
 * server error or an unreachable file disallows everything for now.
 */
import * as robotsModule from 'robots-parser';
import type { HttpClient } from './client.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS whose typings claim an ES default export; under
// NodeNext its function is the namespace's `default`.
const robotsParser = (robotsModule as unknown as { default: (url: string, text: string) => Robot })
  .default;

const MAX_ROBOTS_BYTES = 512 * 1024;

export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Robot | 'allow' | 'deny'>>();

  constructor(
    private readonly client: HttpClient,
    private readonly agentName: string,
  ) {}

  async allows(url: URL, signal?: AbortSignal): Promise<boolean> {
    let entry = this.byOrigin.get(url.origin);
    if (!entry) {
      entry = this.load(url.origin, signal);
      this.byOrigin.set(url.origin, entry);
    }
    const robot = await entry;
    if (robot === 'allow') return true;
    if (robot === 'deny') return false;
    return robot.isAllowed(url.href, this.agentName) !== false;
  }

  private async load(origin: string, signal?: AbortSignal): Promise<Robot | 'allow' | 'deny'> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const result = await this.client.get(robotsUrl, { accept: 'text/plain', signal });
      const text = Buffer.from(result.bytes.subarray(0, MAX_ROBOTS_BYTES)).toString('utf8');
      return robotsParser(robotsUrl, text);
    } catch (error) {
      // A refused address is the page's own failure, not a robots.txt verdict.
      if ((error as { refused?: boolean }).refused) throw error;
      const status = (error as { status?: number }).status;
      if (status !== undefined && status >= 400 && status < 500) return 'allow';
      if (signal?.aborted) throw error;
      return 'deny';
    }
  }
}
