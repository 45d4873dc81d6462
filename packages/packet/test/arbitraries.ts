import fc from 'fast-check';
import type {
  ArpPacket,
  EthernetFrame,
  IcmpMessage,
  Ipv4Packet,
  TcpFlags,
  TcpSegment,
  UdpDatagram,
  VxlanPacket
} from '../src/index.js';

/** Lowercase colon-form MACs, built without the code under test. */
export const mac = fc
  .uint8Array({ minLength: 6, maxLength: 6 })
  .map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':'));

/** Dotted-quad IPv4 addresses. */
export const ipv4 = fc.ipV4();

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const bytes = fc.uint8Array({ maxLength: 64 });

/** Valid Ethernet frames. */
export const ethernetFrame: fc.Arbitrary<EthernetFrame> = fc.record({
  dst: mac,
  src: mac,
  etherType: u16,
  payload: bytes
});

/** Valid ARP requests and replies. */
export const arpPacket: fc.Arbitrary<ArpPacket> = fc.record({
  operation: fc.constantFrom(1 as const, 2 as const),
  senderMac: mac,
  senderIp: ipv4,
  targetMac: mac,
  targetIp: ipv4
});

/** Valid IPv4 packets, options included. */
export const ipv4Packet: fc.Arbitrary<Ipv4Packet> = fc.record({
  tos: u8,
  identification: u16,
  dontFragment: fc.boolean(),
  moreFragments: fc.boolean(),
  fragmentOffset: fc.integer({ min: 0, max: 0x1fff }),
  ttl: u8,
  protocol: u8,
  src: ipv4,
  dst: ipv4,
  options: fc.integer({ min: 0, max: 10 }).chain((n) => fc.uint8Array({ minLength: n * 4, maxLength: n * 4 })),
  payload: bytes
});

/** Valid ICMP messages whose decode gives back the same variant. */
export const icmpMessage: fc.Arbitrary<IcmpMessage> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('echo-request' as const, 'echo-reply' as const),
    identifier: u16,
    sequence: u16,
    data: bytes
  }),
  fc
    .record({ kind: fc.constant('destination-unreachable' as const), code: u8, nextHopMtu: u16, original: bytes })
    // Only "fragmentation needed" carries the MTU on the wire.
    .map((m) => (m.code === 4 ? m : { ...m, nextHopMtu: 0 })),
  fc.record({ kind: fc.constant('time-exceeded' as const), code: u8, original: bytes }),
  fc.record({
    kind: fc.constant('other' as const),
    type: u8.filter((t) => t !== 0 && t !== 3 && t !== 8 && t !== 11),
    code: u8,
    rest: u32,
    data: bytes
  })
);

/** Valid UDP datagrams. */
export const udpDatagram: fc.Arbitrary<UdpDatagram> = fc.record({ srcPort: u16, dstPort: u16, payload: bytes });

const tcpFlags: fc.Arbitrary<TcpFlags> = fc.record({
  fin: fc.boolean(),
  syn: fc.boolean(),
  rst: fc.boolean(),
  psh: fc.boolean(),
  ack: fc.boolean(),
  urg: fc.boolean()
});

/** Valid TCP segments, with or without MSS. */
export const tcpSegment: fc.Arbitrary<TcpSegment> = fc.record(
  {
    srcPort: u16,
    dstPort: u16,
    seq: u32,
    ack: u32,
    flags: tcpFlags,
    window: u16,
    urgentPointer: u16,
    mss: u16,
    payload: bytes
  },
  { requiredKeys: ['srcPort', 'dstPort', 'seq', 'ack', 'flags', 'window', 'urgentPointer', 'payload'] }
);

/** Valid VXLAN packets. */
export const vxlanPacket: fc.Arbitrary<VxlanPacket> = fc.record({
  vni: fc.integer({ min: 0, max: 0xffffff }),
  payload: bytes
});

/** A buffer derived from `valid` by overwriting a few bytes and possibly cutting it short. */
export function mutated(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), u8), { maxLength: 4 }), fc.option(fc.nat(), { nil: undefined }))
    .map(([base, edits, cut]) => {
      const out = base.slice(0, cut === undefined ? base.length : cut % (base.length + 1));
      for (const [at, value] of edits) if (out.length > 0) out[at % out.length] = value;
      return out;
    });
}
