import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PacketError,
  PcapWriter,
  decodeArp,
  decodeEthernet,
  decodeIcmp,
  decodeIpv4,
  decodeTcp,
  decodeUdp,
  decodeVxlan,
  encodeArp,
  encodeEthernet,
  encodeIcmp,
  encodeIpv4,
  encodeTcp,
  encodeUdp,
  encodeVxlan,
  readPcap
} from '../src/index.js';
import {
  arpPacket,
  ethernetFrame,
  icmpMessage,
  ipv4,
  ipv4Packet,
  mutated,
  tcpSegment,
  udpDatagram,
  vxlanPacket
} from './arbitraries.js';

// A fixed seed keeps the suite deterministic; FC_SEED explores other inputs locally.
fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20240607) });
const RUNS = { numRuns: 300 };

/** True when `decode` returns, or throws a PacketError; anything else fails the property. */
function decodesOrPacketError(decode: () => unknown): boolean {
  try {
    decode();
  } catch (err) {
    if (!(err instanceof PacketError)) throw err;
  }
  return true;
}

function pcapOf(frames: Uint8Array[]): Uint8Array {
  const w = new PcapWriter();
  frames.forEach((f, i) => w.write(f, i * 1.5));
  return w.toBytes();
}

// Each decoder with a generator of valid encodings, so mutations land near real structure.
interface DecoderCase {
  name: string;
  valid: fc.Arbitrary<Uint8Array>;
  decode: (bytes: Uint8Array, src: string, dst: string) => unknown;
}

const decoders: DecoderCase[] = [
  { name: 'ethernet', valid: ethernetFrame.map(encodeEthernet), decode: decodeEthernet },
  { name: 'arp', valid: arpPacket.map(encodeArp), decode: decodeArp },
  { name: 'ipv4', valid: ipv4Packet.map(encodeIpv4), decode: decodeIpv4 },
  { name: 'icmp', valid: icmpMessage.map(encodeIcmp), decode: decodeIcmp },
  { name: 'udp', valid: udpDatagram.map((d) => encodeUdp(d, '10.0.0.1', '10.0.0.2')), decode: decodeUdp },
  { name: 'tcp', valid: tcpSegment.map((s) => encodeTcp(s, '10.0.0.1', '10.0.0.2')), decode: decodeTcp },
  { name: 'vxlan', valid: vxlanPacket.map(encodeVxlan), decode: decodeVxlan },
  { name: 'pcap', valid: fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 4 }).map(pcapOf), decode: readPcap }
];

describe('decoders on hostile input', () => {
  for (const { name, valid, decode } of decoders) {
    it(`${name}: random bytes decode or throw PacketError`, () => {
      const input = fc.tuple(fc.uint8Array({ maxLength: 128 }), ipv4, ipv4);
      fc.assert(
        fc.property(input, ([b, s, d]) => decodesOrPacketError(() => decode(b, s, d))),
        RUNS
      );
    });

    it(`${name}: mutated valid encodings decode or throw PacketError`, () => {
      const input = mutated(valid);
      fc.assert(
        fc.property(input, (b) => decodesOrPacketError(() => decode(b, '10.0.0.1', '10.0.0.2'))),
        RUNS
      );
    });
  }

  it('a random frame pushed through every layer only ever fails with PacketError', () => {
    const layered = (frame: Uint8Array): void => {
      const ip = decodeIpv4(decodeEthernet(frame).payload);
      if (ip.protocol === 1) decodeIcmp(ip.payload);
      else if (ip.protocol === 6) decodeTcp(ip.payload, ip.src, ip.dst);
      else decodeVxlan(decodeUdp(ip.payload, ip.src, ip.dst).payload);
    };
    const frames = fc
      .tuple(ethernetFrame, ipv4Packet)
      .map(([eth, ip]) => encodeEthernet({ ...eth, payload: encodeIpv4(ip) }));
    fc.assert(
      fc.property(mutated(frames), (f) => decodesOrPacketError(() => layered(f))),
      RUNS
    );
  });
});

describe('encode → decode round trips', () => {
  it('ethernet', () => {
    fc.assert(
      fc.property(ethernetFrame, (f) => {
        expect(decodeEthernet(encodeEthernet(f))).toEqual(f);
      })
    );
  });

  it('arp', () => {
    fc.assert(
      fc.property(arpPacket, (p) => {
        expect(decodeArp(encodeArp(p))).toEqual(p);
      })
    );
  });

  it('ipv4', () => {
    fc.assert(
      fc.property(ipv4Packet, (p) => {
        const bytes = encodeIpv4(p);
        const computed = { headerLength: 20 + p.options.length, totalLength: bytes.length };
        expect(decodeIpv4(bytes)).toEqual({ ...p, ...computed, checksum: (bytes[10]! << 8) | bytes[11]! });
      })
    );
  });

  it('icmp', () => {
    fc.assert(
      fc.property(icmpMessage, (m) => {
        expect(decodeIcmp(encodeIcmp(m))).toEqual(m);
      })
    );
  });

  it('udp', () => {
    fc.assert(
      fc.property(udpDatagram, ipv4, ipv4, (d, s, t) => {
        expect(decodeUdp(encodeUdp(d, s, t), s, t)).toEqual(d);
      })
    );
  });

  it('tcp', () => {
    fc.assert(
      fc.property(tcpSegment, ipv4, ipv4, (seg, s, t) => {
        expect(decodeTcp(encodeTcp(seg, s, t), s, t)).toEqual(seg);
      })
    );
  });

  it('vxlan', () => {
    fc.assert(
      fc.property(vxlanPacket, (p) => {
        expect(decodeVxlan(encodeVxlan(p))).toEqual(p);
      })
    );
  });

  it('pcap', () => {
    const micros = fc.integer({ min: 0, max: 2 ** 40 });
    const frames = fc.array(fc.tuple(fc.uint8Array({ maxLength: 80 }), micros), { maxLength: 8 });
    fc.assert(
      fc.property(frames, (list) => {
        const w = new PcapWriter();
        for (const [data, us] of list) w.write(data, us / 1000);
        const packets = readPcap(w.toBytes()).packets;
        // Compare in whole microseconds, the file's resolution, so float rounding of ms cannot flake.
        expect(packets.map((p) => [p.data, Math.round(p.timestampMs * 1000)])).toEqual(list);
      })
    );
  });
});
