import type { TcpFlags } from '@swarmsim/packet';
import { ManualClock } from '@swarmsim/clock';
import { Netfilter, type NetfilterOptions, type NfL4, type NfPacket } from '../../src/netfilter/index.js';

/** Interfaces of the simulated Docker host: eth0 on the LAN, docker0 and docker_gwbridge bridges. */
export const HOST_IFS: Readonly<Record<string, string>> = {
  lo: '127.0.0.1',
  eth0: '192.168.99.100',
  docker0: '172.17.0.1',
  docker_gwbridge: '172.18.0.1'
};

/** A Netfilter for a namespace owning `ifs` (name → primary address), on a ManualClock; tracking always on unless `options` says otherwise. */
export function makeNetfilter(
  ifs: Readonly<Record<string, string>> = HOST_IFS,
  options: NetfilterOptions = {},
  random?: () => number
) {
  const clock = new ManualClock(1_000_000);
  const local = new Set(Object.values(ifs));
  const nf = new Netfilter(
    {
      clock,
      isLocalAddress: (ip) => ip.startsWith('127.') || local.has(ip),
      primaryAddress: (name) => ifs[name],
      ...(random !== undefined && { random })
    },
    { tracking: 'always', ...options }
  );
  return { nf, clock };
}

/** Where a packet comes from / goes to. */
export interface Via {
  inIf?: string;
  outIf?: string;
}

function packet(src: string, dst: string, protocol: number, l4: NfL4, length: number, via: Via): NfPacket {
  return {
    ip: {
      tos: 0,
      identification: 1,
      dontFragment: true,
      moreFragments: false,
      fragmentOffset: 0,
      ttl: 64,
      protocol,
      src,
      dst,
      options: new Uint8Array(0),
      payload: new Uint8Array(0)
    },
    l4,
    ...via,
    mark: 0,
    length,
    dirty: false
  };
}

/** TCP flags from a compact spec like 'SA' (SYN+ACK), 'A', 'FA', 'R'. */
export function flags(spec: string): TcpFlags {
  return {
    syn: spec.includes('S'),
    ack: spec.includes('A'),
    fin: spec.includes('F'),
    rst: spec.includes('R'),
    psh: spec.includes('P'),
    urg: spec.includes('U')
  };
}

/** A TCP segment `src:sport → dst:dport` with flags spec ('S', 'SA', 'A', 'FA', 'R'). */
export function tcp(src: string, sport: number, dst: string, dport: number, flagSpec: string, via: Via = {}): NfPacket {
  const segment = {
    srcPort: sport,
    dstPort: dport,
    seq: 1,
    ack: 0,
    flags: flags(flagSpec),
    window: 65535,
    urgentPointer: 0,
    payload: new Uint8Array(0)
  };
  return packet(src, dst, 6, { protocol: 'tcp', segment }, 40, via);
}

/** A UDP datagram with `size` payload bytes. */
export function udp(src: string, sport: number, dst: string, dport: number, via: Via = {}, size = 32): NfPacket {
  return packet(
    src,
    dst,
    17,
    { protocol: 'udp', datagram: { srcPort: sport, dstPort: dport, payload: new Uint8Array(size) } },
    28 + size,
    via
  );
}

/** An ICMP echo request or reply with 56 data bytes (ping's default: 84-byte packets). */
export function echo(
  kind: 'echo-request' | 'echo-reply',
  src: string,
  dst: string,
  identifier: number,
  via: Via = {}
): NfPacket {
  return packet(
    src,
    dst,
    1,
    { protocol: 'icmp', message: { kind, identifier, sequence: 1, data: new Uint8Array(56) } },
    84,
    via
  );
}

/** An ICMP destination-unreachable quoting `quote` (raw bytes of the offending IP packet). */
export function unreachable(src: string, dst: string, code: number, quote: Uint8Array, via: Via = {}): NfPacket {
  return packet(
    src,
    dst,
    1,
    { protocol: 'icmp', message: { kind: 'destination-unreachable', code, nextHopMtu: 0, original: quote } },
    28 + quote.length,
    via
  );
}

/** Ports of a TCP/UDP packet (after NAT). */
export function ports(pkt: NfPacket): [number, number] {
  if (pkt.l4.protocol === 'tcp') return [pkt.l4.segment.srcPort, pkt.l4.segment.dstPort];
  if (pkt.l4.protocol === 'udp') return [pkt.l4.datagram.srcPort, pkt.l4.datagram.dstPort];
  throw new Error('not tcp/udp');
}

/** ICMP echo identifier of a packet (after NAT). */
export function echoId(pkt: NfPacket): number {
  if (pkt.l4.protocol === 'icmp' && (pkt.l4.message.kind === 'echo-request' || pkt.l4.message.kind === 'echo-reply'))
    return pkt.l4.message.identifier;
  throw new Error('not an echo');
}

/** The forwarded path through a router namespace: PREROUTING, FORWARD, POSTROUTING; the first DROP wins. */
export function forward(nf: Netfilter, pkt: NfPacket): 'ACCEPT' | 'DROP' {
  for (const hook of ['PREROUTING', 'FORWARD', 'POSTROUTING'] as const)
    if (nf.hook(hook, pkt) === 'DROP') return 'DROP';
  return 'ACCEPT';
}

/** A locally delivered packet: PREROUTING then INPUT. */
export function deliver(nf: Netfilter, pkt: NfPacket): 'ACCEPT' | 'DROP' {
  return nf.hook('PREROUTING', pkt) === 'DROP' ? 'DROP' : nf.hook('INPUT', pkt);
}

/** A locally generated packet: OUTPUT then POSTROUTING. */
export function send(nf: Netfilter, pkt: NfPacket): 'ACCEPT' | 'DROP' {
  return nf.hook('OUTPUT', pkt) === 'DROP' ? 'DROP' : nf.hook('POSTROUTING', pkt);
}

/** Docker's default-bridge NAT rules for `docker run -p 8080:80` on 172.17.0.2 (userland-proxy on, hairpin off). */
export const DOCKER_NAT_RULES: readonly string[] = [
  '-t nat -N DOCKER',
  '-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
  '-t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
  '-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
  '-t nat -A DOCKER -i docker0 -j RETURN',
  '-t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80'
];
