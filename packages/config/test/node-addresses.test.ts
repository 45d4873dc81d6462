import { describe, expect, it } from 'vitest';
import { formatPrefix, parseCidr, parseIpv4 } from '@swarmsim/addr';
import {
  defaultUnderlaySubnet,
  firstUnderlayAddress,
  hostAddressAt,
  MAX_DEFAULT_UNDERLAY_NODES,
  MAX_HOST_ADDRESSES,
  outsideHostAddress,
  underlayAddressAt,
  underlayCapacity
} from '../src/node-addresses.js';

/** The default underlay of a `count`-node cluster, as CIDR text. */
function subnetFor(count: number): string | undefined {
  const s = defaultUnderlaySubnet(count);
  return s === undefined ? undefined : formatPrefix(s);
}

/** Node `n` (1-based, as in `node-n`) of a `count`-node default cluster: [underlay, host]. */
function addressesOf(n: number, count: number): [string | undefined, string | undefined] {
  return [underlayAddressAt(defaultUnderlaySubnet(count)!, n - 1), hostAddressAt(n - 1)];
}

describe('default node addresses', () => {
  it('keep the small-cluster defaults: 192.168.99.100+i in 192.168.99.0/24, host 127.0.1.(i+1)', () => {
    expect(subnetFor(3)).toBe('192.168.99.0/24');
    expect(addressesOf(1, 3)).toEqual(['192.168.99.100', '127.0.1.1']);
    expect(addressesOf(3, 3)).toEqual(['192.168.99.102', '127.0.1.3']);
  });

  it('fit 155 nodes in the /24 (up to .254) and widen to the /21 around 192.168.99.100 from the 156th', () => {
    expect(subnetFor(155)).toBe('192.168.99.0/24');
    expect(addressesOf(155, 155)).toEqual(['192.168.99.254', '127.0.1.155']);
    expect(underlayAddressAt(defaultUnderlaySubnet(155)!, 155)).toBeUndefined();
    expect(subnetFor(156)).toBe('192.168.96.0/21');
    // Inside a /21, x.x.99.255 and x.x.100.0 are ordinary host addresses.
    expect(addressesOf(156, 156)).toEqual(['192.168.99.255', '127.0.1.156']);
    expect(addressesOf(157, 300)).toEqual(['192.168.100.0', '127.0.1.157']);
  });

  it('carry host addresses across octets, skipping .0 and .255', () => {
    expect(addressesOf(254, 300)).toEqual(['192.168.100.97', '127.0.1.254']);
    expect(addressesOf(255, 300)).toEqual(['192.168.100.98', '127.0.2.1']);
    expect(addressesOf(1000, 1000)).toEqual(['192.168.103.75', '127.0.4.238']);
    expect(hostAddressAt(255 * 254 - 1)).toBe('127.0.255.254');
    expect(hostAddressAt(255 * 254)).toBe('127.1.0.1');
  });

  it('give every node a distinct host address in 127.0.0.0/8 whose last octet is never 0 or 255', () => {
    const indices = [...Array(3000).keys(), ...[64769, 64770, 64771, MAX_HOST_ADDRESSES - 1]];
    const addresses = indices.map((i) => hostAddressAt(i)!);
    expect(new Set(addresses).size).toBe(indices.length);
    for (const a of addresses) {
      expect(a).toMatch(/^127\./);
      expect(Number(a.split('.')[3])).toBeGreaterThanOrEqual(1);
      expect(Number(a.split('.')[3])).toBeLessThanOrEqual(254);
    }
    expect(hostAddressAt(MAX_HOST_ADDRESSES - 1)).toBe('127.255.255.254');
    expect(hostAddressAt(MAX_HOST_ADDRESSES)).toBeUndefined();
    // 65535 /24s (127.0.1.0 … 127.255.255.0), 254 addresses each.
    expect(MAX_HOST_ADDRESSES).toBe(16_645_890);
  });

  it('grow the default prefix only as far as needed, up to 192.168.0.0/16', () => {
    expect(subnetFor(1000)).toBe('192.168.96.0/21');
    expect(subnetFor(1179)).toBe('192.168.96.0/21'); // 192.168.99.100 … 192.168.103.254
    expect(subnetFor(1180)).toBe('192.168.96.0/20');
    expect(subnetFor(40_091)).toBe('192.168.0.0/16'); // 192.168.99.100 … 192.168.255.254
    expect(MAX_DEFAULT_UNDERLAY_NODES).toBe(40_091);
    expect(subnetFor(40_092)).toBeUndefined();
  });

  it('start a configured subnet at 192.168.99.100 when it holds it, else at its .100, or network + 2 below a /24', () => {
    const first = (cidr: string): number => firstUnderlayAddress(parseCidr(cidr)!);
    expect(first('192.168.96.0/20')).toBe(parseIpv4('192.168.99.100'));
    expect(first('10.1.0.0/16')).toBe(parseIpv4('10.1.0.100'));
    expect(first('10.1.1.0/28')).toBe(parseIpv4('10.1.1.2'));
    // 192.168.99.100 is this /30's network address, so not a node's.
    expect(first('192.168.99.100/30')).toBe(parseIpv4('192.168.99.102'));
    expect(underlayCapacity(parseCidr('10.1.1.0/28')!)).toBe(13); // .2 … .14
    expect(outsideHostAddress(parseCidr('10.1.0.0/16')!)).toBe(parseIpv4('10.1.0.1'));
  });
});
