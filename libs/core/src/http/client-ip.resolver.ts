import { BlockList, isIP } from 'node:net';

/** Strips the IPv4-mapped IPv6 prefix (`::ffff:1.2.3.4` → `1.2.3.4`) and IPv6 zone ids. */
export function normalizeIp(raw: string): string | undefined {
  let ip = raw.trim();
  if (ip.startsWith('[')) {
    const end = ip.indexOf(']');
    if (end === -1) return undefined;
    ip = ip.slice(1, end);
  }
  const zone = ip.indexOf('%');
  if (zone !== -1) ip = ip.slice(0, zone);
  if (/^::ffff:/i.test(ip)) {
    const v4 = ip.slice(7);
    if (isIP(v4) === 4) return v4;
  }
  // "1.2.3.4:5678" (IPv4 with a port) as some proxies send it.
  if (isIP(ip) === 0 && /^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  return isIP(ip) ? ip.toLowerCase() : undefined;
}

/**
 * Resolves the client address of a request once: the peer address, unless the peer is a trusted
 * proxy, in which case `X-Forwarded-For` is walked from the right and the first hop that is not a
 * trusted proxy wins. The leftmost entry is never trusted on its own: a client can write anything
 * there, only what trusted proxies appended is believed.
 */
export class ClientIpResolver {
  private readonly trusted = new BlockList();
  private readonly hasTrusted: boolean;

  constructor(trustedProxies: readonly string[]) {
    for (const entry of trustedProxies) {
      const [addr, bits] = entry.split('/');
      const ip = normalizeIp(addr);
      if (!ip) throw new Error(`Invalid trusted proxy "${entry}"`);
      const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.trusted.addAddress(ip, family);
      else this.trusted.addSubnet(ip, Number(bits), family);
    }
    this.hasTrusted = trustedProxies.length > 0;
  }

  isTrusted(ip: string): boolean {
    if (!this.hasTrusted) return false;
    return this.trusted.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
  }

  resolve(peerAddress: string | undefined, forwardedFor?: string | string[]): string {
    const peer = normalizeIp(peerAddress ?? '') ?? '0.0.0.0';
    if (!forwardedFor || !this.isTrusted(peer)) return peer;
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
    const hops = header.split(',');
    let client = peer;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = normalizeIp(hops[i]);
      // A malformed hop was written by someone we cannot vouch for: stop at the last good one.
      if (!hop) return client;
      client = hop;
      if (!this.isTrusted(hop)) return hop;
    }
    return client;
  }
}
