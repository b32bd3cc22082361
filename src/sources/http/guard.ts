/**
 * The address guard: greatgame fetches URLs on users' behalf (and the
 * server will too), so it must not be turned against the machine it runs
 * on or its private network. The check is made on the address actually
 * connected to — the connector resolves the name itself and connects to
 * the address it checked — so DNS rebinding cannot slip past it, and it
 * runs again for every new connection, redirects included.
 */
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Resolves a host name to its addresses (injectable so tests send no packet). */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface AddressPolicy {
  /** Allow every address (`--allow-private-addresses`, GREATGAME_ALLOW_PRIVATE=1). */
  allowPrivate?: boolean;
  /** Narrower exceptions in CIDR notation ("127.0.0.1/32"), for tests and the server. */
  allowRanges?: string[];
}

/** A fetch refused because of where it would connect. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(
      `refused to connect to ${hostname}${hostname === address ? '' : ` (${address})`}: ` +
        `a ${range} address; pass --allow-private-addresses (or set GREATGAME_ALLOW_PRIVATE=1) to allow it`,
    );
  }
}

/**
 * The named range an address falls in when greatgame must not reach it,
 * else null. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4
 * address it carries, and refused outright as well: nothing public needs it.
 */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'unparseable';
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      const inner = refusedRange(v6.toIPv4Address().toString());
      return inner ? `${inner} (IPv4-mapped)` : 'IPv4-mapped IPv6';
    }
  }
  const range = parsed.range();
  // Every range ipaddr.js names other than "unicast" is special-purpose
  // (loopback, private, linkLocal, uniqueLocal, multicast, reserved, …).
  return range === 'unicast' ? null : rangeName(range);
}

function rangeName(range: string): string {
  const names: Record<string, string> = {
    loopback: 'loopback',
    private: 'private',
    linkLocal: 'link-local',
    uniqueLocal: 'unique-local (private)',
    unspecified: 'unspecified',
    multicast: 'multicast',
    carrierGradeNat: 'carrier-grade NAT (private)',
    broadcast: 'broadcast',
    reserved: 'reserved',
    ipv4Mapped: 'IPv4-mapped IPv6',
  };
  return names[range] ?? `special-purpose (${range})`;
}

export function isAllowed(address: string, policy: AddressPolicy): boolean {
  if (policy.allowPrivate) return true;
  if (refusedRange(address) === null) return true;
  const parsed = ipaddr.process(address);
  return (policy.allowRanges ?? []).some((cidr) => {
    const [net, bits] = ipaddr.parseCIDR(cidr);
    return parsed.kind() === net.kind() && parsed.match(net, bits);
  });
}

/**
 * Resolves a host and returns the first address it may connect to; throws
 * RefusedAddressError when any resolved address is refused (a name that
 * resolves to both a public and a private address is not trusted).
 */
export async function resolveChecked(
  hostname: string,
  policy: AddressPolicy,
  resolver: Resolver = systemResolver,
): Promise<string> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(bare) ? [bare] : await resolver(bare);
  if (addresses.length === 0) throw new Error(`${bare}: the name resolved to no address`);
  for (const address of addresses) {
    if (!isAllowed(address, policy)) {
      throw new RefusedAddressError(bare, address, refusedRange(address) ?? 'refused');
    }
  }
  return addresses[0] as string;
}

/** `--allow-private-addresses` or GREATGAME_ALLOW_PRIVATE=1. */
export function allowPrivateFrom(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag) return true;
  const value = env.GREATGAME_ALLOW_PRIVATE?.trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}
