import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../src/sources/http/client.js';
import {
  allowPrivateFrom,
  RefusedAddressError,
  refusedRange,
  type Resolver,
  resolveChecked,
} from '../src/sources/http/guard.js';
import { routes, startServer, type TestServer } from './helpers/http-fixtures.js';

const fast = { hostIntervalMs: 0, backoffMs: 1, retries: 0, timeoutMs: 5000 };
let servers: TestServer[] = [];
let clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

function client(options: ConstructorParameters<typeof HttpClient>[0]): HttpClient {
  const c = new HttpClient({ ...fast, ...options });
  clients.push(c);
  return c;
}

/** A resolver that answers from a table and records what it was asked. */
function tableResolver(table: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = (async (name: string) => {
    asked.push(name);
    const found = table[name];
    if (!found) throw Object.assign(new Error(`no such test name ${name}`), { code: 'ENOTFOUND' });
    return found;
  }) as Resolver & { asked: string[] };
  resolve.asked = asked;
  return resolve;
}

describe('address ranges', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.20.30.40', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['::1', 'loopback'],
    ['fc00::1', 'unique-local (private)'],
    ['fd12:3456::1', 'unique-local (private)'],
    ['fe80::1', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback (IPv4-mapped)'],
    ['::ffff:10.0.0.1', 'private (IPv4-mapped)'],
    ['::ffff:8.8.8.8', 'IPv4-mapped IPv6'],
    ['0.0.0.0', 'unspecified'],
  ])('refuses %s as %s', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '1.1.1.1', '2001:4860:4860::8888'])(
    'lets the public address %s through',
    (address) => {
      expect(refusedRange(address)).toBeNull();
    },
  );

  it('checks every address a name resolves to, so one private answer is enough to refuse', async () => {
    const resolver = tableResolver({
      'mixed.test': ['8.8.8.8', '10.1.1.1'],
      'meta.test': ['169.254.169.254'],
    });
    await expect(resolveChecked('mixed.test', {}, resolver)).rejects.toThrow(
      /10\.1\.1\.1.*private/,
    );
    await expect(resolveChecked('meta.test', {}, resolver)).rejects.toBeInstanceOf(
      RefusedAddressError,
    );
    await expect(resolveChecked('[::ffff:192.168.0.1]', {}, resolver)).rejects.toThrow(
      /IPv4-mapped/,
    );
    // Allowed by the switch, or by a narrow range.
    await expect(resolveChecked('meta.test', { allowPrivate: true }, resolver)).resolves.toBe(
      '169.254.169.254',
    );
    await expect(
      resolveChecked('127.0.0.1', { allowRanges: ['127.0.0.1/32'] }, resolver),
    ).resolves.toBe('127.0.0.1');
    await expect(
      resolveChecked('127.0.0.2', { allowRanges: ['127.0.0.1/32'] }, resolver),
    ).rejects.toThrow(/loopback/);
  });

  it('reads the switch from the flag or GREATGAME_ALLOW_PRIVATE', () => {
    expect(allowPrivateFrom(undefined, {})).toBe(false);
    expect(allowPrivateFrom(true, {})).toBe(true);
    expect(allowPrivateFrom(undefined, { GREATGAME_ALLOW_PRIVATE: '1' })).toBe(true);
    expect(allowPrivateFrom(undefined, { GREATGAME_ALLOW_PRIVATE: '0' })).toBe(false);
  });
});

describe('the guard in the HTTP client', () => {
  it('refuses a URL on 127.0.0.1 by default, before any byte is sent, and allows it with the switch', async () => {
    const server = await startServer(
      routes({ '/page': [200, { 'content-type': 'text/plain' }, 'hello'] }),
    );
    servers.push(server);
    const url = `${server.origin}/page`;
    await expect(client({}).get(url)).rejects.toThrow(
      /refused to connect to 127\.0\.0\.1: a loopback address; pass --allow-private-addresses/,
    );
    expect(server.requests).toHaveLength(0);
    const result = await client({ policy: { allowPrivate: true } }).get(url);
    expect(Buffer.from(result.bytes).toString()).toBe('hello');
    expect(server.requests).toHaveLength(1);
  });

  it('connects to the address it checked, not to a second answer (no DNS rebinding)', async () => {
    const server = await startServer(routes({ '/': [200, {}, 'checked'] }));
    servers.push(server);
    // Each look-up answers differently: the first (checked) answer must be the one used.
    let calls = 0;
    const rebinding: Resolver = async () => (calls++ === 0 ? ['127.0.0.1'] : ['10.9.9.9']);
    const c = client({ resolver: rebinding, policy: { allowRanges: ['127.0.0.1/32'] } });
    const result = await c.get(`http://rebind.test:${server.port}/`);
    expect(Buffer.from(result.bytes).toString()).toBe('checked');
    expect(server.requests[0]?.headers.host).toBe(`rebind.test:${server.port}`);
    expect(calls).toBe(1);
    // A name whose answer is private is refused without connecting.
    const evil = client({
      resolver: async () => ['10.9.9.9'],
      policy: { allowRanges: ['127.0.0.1/32'] },
    });
    await expect(evil.get(`http://rebind.test:${server.port}/`)).rejects.toThrow(
      /10\.9\.9\.9.*private/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a redirect from an allowed host to a refused address', async () => {
    const resolver = tableResolver({ 'intranet.test': ['192.168.7.7'] });
    const server = await startServer(
      routes({
        '/to-name': [302, { location: 'http://intranet.test/admin' }, ''],
        '/to-literal': [301, { location: 'http://169.254.169.254/latest/meta-data/' }, ''],
        '/to-mapped': [307, { location: 'http://[::ffff:10.0.0.1]/' }, ''],
      }),
    );
    servers.push(server);
    const c = client({ resolver, policy: { allowRanges: ['127.0.0.1/32'] } });
    await expect(c.get(`${server.origin}/to-name`)).rejects.toThrow(
      /intranet\.test \(192\.168\.7\.7\): a private address/,
    );
    await expect(c.get(`${server.origin}/to-literal`)).rejects.toThrow(
      /169\.254\.169\.254: a link-local address/,
    );
    await expect(c.get(`${server.origin}/to-mapped`)).rejects.toThrow(
      /::ffff:a00:1: a private \(IPv4-mapped\)/,
    );
    expect(resolver.asked).toEqual(['intranet.test']);
    expect(server.requests.map((r) => r.url)).toEqual(['/to-name', '/to-literal', '/to-mapped']);
  });
});
