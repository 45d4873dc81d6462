import { decodeIpv4, decodeUdp, encodeIpv4, encodeUdp } from '@swarmsim/packet';
import { describe, expect, it } from 'vitest';
import type { MatchModule, NfPacket } from '../../src/netfilter/index.js';
import { deliver, forward, makeNetfilter, ports, send, udp, unreachable } from './helpers.js';

/** The bytes of a UDP packet as it left the host (what an ICMP error quotes). */
function wireUdp(src: string, sport: number, dst: string, dport: number): Uint8Array {
  const payload = encodeUdp({ srcPort: sport, dstPort: dport, payload: new Uint8Array([1, 2, 3, 4]) }, src, dst);
  return encodeIpv4({
    tos: 0,
    identification: 77,
    dontFragment: true,
    moreFragments: false,
    fragmentOffset: 0,
    ttl: 1,
    protocol: 17,
    src,
    dst,
    options: new Uint8Array(0),
    payload
  });
}

/** The same packet as the stack re-parses it after looping through `lo` (a new object). */
function throughLoopback(pkt: NfPacket): NfPacket {
  const l4 = pkt.l4.protocol === 'udp' ? { protocol: 'udp' as const, datagram: { ...pkt.l4.datagram } } : pkt.l4;
  return { ip: { ...pkt.ip }, l4, inIf: 'lo', mark: 0, length: pkt.length, dirty: false };
}

describe('ICMP errors of tracked connections (RELATED)', () => {
  it('translates an error about a masqueraded flow back to the container, quoted packet included', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    nf.exec('-P FORWARD DROP');
    nf.exec('-A FORWARD -i docker0 -j ACCEPT');
    nf.exec('-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    forward(nf, udp('172.17.0.2', 40000, '8.8.8.8', 33434, { inIf: 'docker0', outIf: 'eth0' }));

    const error = unreachable('10.1.1.1', '192.168.99.100', 3, wireUdp('192.168.99.100', 40000, '8.8.8.8', 33434), {
      inIf: 'eth0'
    });
    expect(nf.hook('PREROUTING', error)).toBe('ACCEPT');
    expect(error.ip.dst).toBe('172.17.0.2');
    error.outIf = 'docker0';
    expect(nf.hook('FORWARD', error)).toBe('ACCEPT');
    expect(nf.hook('POSTROUTING', error)).toBe('ACCEPT');
    expect(error.ip.src).toBe('10.1.1.1');

    const quoted =
      error.l4.protocol === 'icmp' && error.l4.message.kind === 'destination-unreachable'
        ? error.l4.message.original
        : new Uint8Array(0);
    const inner = decodeIpv4(quoted);
    expect([inner.src, inner.dst]).toEqual(['172.17.0.2', '8.8.8.8']);
    // Checksums were patched, not broken: the quoted UDP still verifies against its new pseudo-header.
    expect(decodeUdp(inner.payload, inner.src, inner.dst)).toMatchObject({ srcPort: 40000, dstPort: 33434 });
    expect(nf.rules('filter', 'FORWARD')[1]!.counters.packets).toBe(1);
  });

  it('treats an ICMP error about nothing it tracks as INVALID', () => {
    const { nf } = makeNetfilter();
    nf.exec('-A INPUT -m conntrack --ctstate INVALID -j DROP');
    const stray = unreachable('10.1.1.1', '192.168.99.100', 3, wireUdp('192.168.99.100', 1234, '8.8.8.8', 53), {
      inIf: 'eth0'
    });
    expect(deliver(nf, stray)).toBe('DROP');
  });
});

describe('NAT over loopback (Docker embedded DNS: 127.0.0.11:53 → 127.0.0.11:41234)', () => {
  it('carries conntrack state across lo so both the DNAT and its reversal apply', () => {
    const { nf } = makeNetfilter({ lo: '127.0.0.1', eth0: '172.20.0.2' });
    for (const rule of [
      '-t nat -N DOCKER_OUTPUT',
      '-t nat -N DOCKER_POSTROUTING',
      '-t nat -A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT',
      '-t nat -A POSTROUTING -d 127.0.0.11/32 -j DOCKER_POSTROUTING',
      '-t nat -A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:41234',
      '-t nat -A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport 41234 -j SNAT --to-source :53'
    ]) {
      nf.exec(rule);
    }
    const query = udp('127.0.0.1', 5000, '127.0.0.11', 53, { outIf: 'lo' });
    expect(send(nf, query)).toBe('ACCEPT');
    expect(ports(query)).toEqual([5000, 41234]);
    const queryIn = throughLoopback(query);
    expect(deliver(nf, queryIn)).toBe('ACCEPT');
    expect(ports(queryIn)).toEqual([5000, 41234]);

    const answer = udp('127.0.0.11', 41234, '127.0.0.1', 5000, { outIf: 'lo' });
    expect(send(nf, answer)).toBe('ACCEPT');
    expect(ports(answer)).toEqual([53, 5000]);
    const answerIn = throughLoopback(answer);
    expect(deliver(nf, answerIn)).toBe('ACCEPT');
    expect(ports(answerIn)).toEqual([53, 5000]);
    expect(nf.conntrack.list()).toBe(
      'udp      17 30 src=127.0.0.1 dst=127.0.0.11 sport=5000 dport=53 src=127.0.0.11 dst=127.0.0.1 sport=41234 dport=5000 mark=0 use=1\n'
    );
  });
});

describe('match extensions', () => {
  it('accepts a registered -m ipvs --ipvs module (Swarm LB: SNAT only IPVS-forwarded packets)', () => {
    const ipvsFlagged = new WeakSet<NfPacket>();
    const ipvs: MatchModule<{ invert: boolean }> = {
      name: 'ipvs',
      options: { ipvs: 0 },
      parse: (_s, _o, _v, invert) => ({ invert }),
      finish: (s) => s ?? { invert: false },
      match: (s, pkt) => ipvsFlagged.has(pkt) !== s.invert,
      print: (s) => `${s.invert ? ' !' : ''} ipvs`,
      save: (s) => `${s.invert ? ' !' : ''} --ipvs`
    };
    const { nf } = makeNetfilter({ lo: '127.0.0.1', eth0: '10.0.1.3' }, { matches: [ipvs] });
    nf.exec('-t nat -A POSTROUTING -m ipvs --ipvs -d 10.0.1.0/24 -j SNAT --to-source 10.0.1.3');
    expect(nf.exec('-t nat -S POSTROUTING')).toContain(
      '-A POSTROUTING -d 10.0.1.0/24 -m ipvs --ipvs -j SNAT --to-source 10.0.1.3\n'
    );
    expect(nf.exec('-t nat -L POSTROUTING -n')).toContain(
      'SNAT       all  --  0.0.0.0/0            10.0.1.0/24          ipvs to:10.0.1.3\n'
    );

    const balanced = udp('10.0.1.9', 7000, '10.0.1.20', 80, { inIf: 'eth0', outIf: 'eth0' });
    ipvsFlagged.add(balanced);
    forward(nf, balanced);
    expect(balanced.ip.src).toBe('10.0.1.3');
    const plain = udp('10.0.1.9', 7001, '10.0.1.20', 80, { inIf: 'eth0', outIf: 'eth0' });
    forward(nf, plain);
    expect(plain.ip.src).toBe('10.0.1.9');
  });
});
