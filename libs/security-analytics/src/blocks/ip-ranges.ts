/**
 * IP addresses and CIDR blocks as integer ranges: IPv4 as a `number` (0 … 2³²−1), IPv6 as a
 * `bigint` (0 … 2¹²⁸−1). The two families never mix: a matcher keeps one tree per family.
 */
export type IpFamily = 4 | 6;

export interface ParsedIp {
  family: IpFamily;
  value: number | bigint;
}

export interface IpRange {
  family: IpFamily;
  start: number | bigint;
  end: number | bigint;
  prefix: number;
  /** `network/prefix`, the form PostgreSQL's `cidr` type prints for IPv4 (IPv6 may differ). */
  text: string;
}

/** Why a text is not an acceptable CIDR (the message is shown to the admin). */
export class CidrError extends Error {}

/** Parses a normalised address (as ClientIpResolver gives it); undefined when it is not one. */
export function parseIp(ip: string): ParsedIp | undefined {
  const v4 = parseIpv4(ip);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(ip);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

function parseIpv4(ip: string): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      // No leading zeros (ambiguous: some parsers read them as octal).
      if (digits === 1 && octet === 0) return undefined;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + octet;
}

function parseIpv6(raw: string): bigint | undefined {
  const key = ipv6Key(raw);
  return key === undefined ? undefined : BigInt(`0x${key}`);
}

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The value of a hex digit's char code, or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * An IPv6 address as 32 lower-case hex digits: fixed width, so comparing two keys as strings
 * compares the addresses (no bigint arithmetic on the request path). Undefined when not IPv6.
 * One pass over the characters: it runs for every IPv6 request the blacklist looks at.
 */
export function ipv6Key(raw: string): string | undefined {
  let end = raw.indexOf('%');
  if (end === -1) end = raw.length;
  const head: number[] = [];
  const tail: number[] = [];
  let groups = head;
  let gap = false;
  let value = 0;
  let digits = 0;
  let i = 0;
  if (end >= 2 && raw.charCodeAt(0) === 58) {
    if (raw.charCodeAt(1) !== 58) return undefined;
    gap = true;
    groups = tail;
    i = 2;
  }
  for (; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c === 58) {
      if (digits === 0) return undefined;
      groups.push(value);
      value = 0;
      digits = 0;
      if (i + 1 < end && raw.charCodeAt(i + 1) === 58) {
        if (gap) return undefined;
        gap = true;
        groups = tail;
        i++;
      } else if (i + 1 === end) return undefined;
      continue;
    }
    if (c === 46) {
      // An embedded IPv4 tail (::ffff:1.2.3.4): the last two hextets.
      const v4 = parseIpv4(raw.slice(raw.lastIndexOf(':', i) + 1, end));
      if (v4 === undefined) return undefined;
      groups.push(Math.floor(v4 / 65536), v4 % 65536);
      digits = 0;
      break;
    }
    const d = hexDigit(c);
    if (d === -1 || ++digits > 4) return undefined;
    value = value * 16 + d;
  }
  if (digits > 0) groups.push(value);
  const total = head.length + tail.length;
  if (gap ? total > 7 : total !== 8) return undefined;
  let key = '';
  for (const g of head) key += HEX2[g >> 8] + HEX2[g & 255];
  for (let z = total; z < 8; z++) key += '0000';
  for (const g of tail) key += HEX2[g >> 8] + HEX2[g & 255];
  return key;
}

/** The matcher key of an address: a number for IPv4, a 32-hex-digit string for IPv6. */
export function ipKey(ip: string): { family: IpFamily; key: number | string } | undefined {
  const v4 = parseIpv4(ip);
  if (v4 !== undefined) return { family: 4, key: v4 };
  const v6 = ipv6Key(ip);
  return v6 === undefined ? undefined : { family: 6, key: v6 };
}

/** The matcher key of a range bound. */
export function boundKey(family: IpFamily, value: number | bigint): number | string {
  return family === 4 ? (value as number) : (value as bigint).toString(16).padStart(32, '0');
}

const V4_MAX = 0xffffffff;
const V6_MAX = (1n << 128n) - 1n;

/** Formats an address of either family. */
export function formatIp(family: IpFamily, value: number | bigint): string {
  if (family === 4) {
    const v = value as number;
    return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
  }
  const groups: string[] = [];
  let v = value as bigint;
  for (let i = 0; i < 8; i++) {
    groups.unshift((v & 0xffffn).toString(16));
    v >>= 16n;
  }
  // RFC 5952: the longest run (≥ 2) of zero groups becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  if (best === -1) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/**
 * Parses `address` or `address/prefix` into a range. A single address is a /32 or /128. Refused
 * with a CidrError: anything that is not an address, a prefix out of range, a /0 (everyone), and
 * host bits set below the prefix (`10.1.2.3/8` is ambiguous: the admin is told the network).
 */
export function parseCidr(text: string, { allowZero = false } = {}): IpRange {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const addr = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const bitsText = slash === -1 ? undefined : trimmed.slice(slash + 1);
  const ip = parseIp(addr.toLowerCase());
  if (!ip) throw new CidrError(`"${text}" is not an IPv4 or IPv6 address or CIDR block`);
  const max = ip.family === 4 ? 32 : 128;
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) {
    throw new CidrError(`"${text}": the prefix length must be a number from 1 to ${max}`);
  }
  const prefix = bitsText === undefined ? max : Number(bitsText);
  if (prefix > max) throw new CidrError(`"${text}": the prefix length must be at most ${max}`);
  if (prefix === 0 && !allowZero) {
    throw new CidrError(`"${text}": a /0 block would cover every address`);
  }
  let start: number | bigint;
  let end: number | bigint;
  if (ip.family === 4) {
    const size = 2 ** (32 - prefix);
    start = Math.floor((ip.value as number) / size) * size;
    end = start + size - 1;
  } else {
    const hostBits = BigInt(128 - prefix);
    const mask = hostBits === 128n ? V6_MAX : (1n << hostBits) - 1n;
    start = (ip.value as bigint) & ~mask & V6_MAX;
    end = start | mask;
  }
  if (start !== ip.value) {
    throw new CidrError(
      `"${text}" has host bits set below the /${prefix} prefix (the network is ${formatIp(ip.family, start)}/${prefix})`,
    );
  }
  return { family: ip.family, start, end, prefix, text: `${formatIp(ip.family, start)}/${prefix}` };
}

/** Whether range `outer` contains all of `inner` (same family). */
export function covers(outer: IpRange, inner: Pick<IpRange, 'family' | 'start' | 'end'>): boolean {
  return outer.family === inner.family && outer.start <= inner.start && outer.end >= inner.end;
}

/**
 * The key of an address for per-client counting: the address for IPv4, its /64 network for IPv6
 * (one subscriber usually gets a whole /64, so counting single IPv6 addresses is no limit).
 */
export function clientKey(ip: string): string {
  if (!ip.includes(':')) return ip;
  const v = parseIpv6(ip);
  if (v === undefined) return ip;
  return `${formatIp(6, (v >> 64n) << 64n)}/64`;
}

export const IPV4_MAX = V4_MAX;
