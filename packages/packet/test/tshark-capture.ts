import dnsPacket from 'dns-packet';
import {
  EtherType,
  IpProtocol,
  PcapWriter,
  VXLAN_UDP_PORT,
  ZERO_MAC,
  BROADCAST_MAC,
  encodeArp,
  encodeEthernet,
  encodeIcmp,
  encodeIpv4,
  encodeTcp,
  encodeUdp,
  encodeVxlan,
  macFromIpv4,
  type TcpFlags
} from '../src/index.js';

// The conversations the tshark oracle checks, on Docker-like addresses (DESIGN.md §4).
export const A = '172.17.0.2';
export const B = '172.17.0.3';
export const UNDERLAY_1 = '192.168.99.100';
export const UNDERLAY_2 = '192.168.99.101';
export const TASK_1 = '10.0.1.3';
export const TASK_2 = '10.0.1.4';
export const VNI = 4097;

const NO_FLAGS: TcpFlags = { fin: false, syn: false, rst: false, psh: false, ack: false, urg: false };
let ipId = 0x100;

function ipFrame(src: string, dst: string, protocol: number, payload: Uint8Array): Uint8Array {
  const ip = encodeIpv4({
    tos: 0,
    identification: ipId++,
    dontFragment: true,
    moreFragments: false,
    fragmentOffset: 0,
    ttl: 64,
    protocol,
    src,
    dst,
    options: new Uint8Array(0),
    payload
  });
  return encodeEthernet({ dst: macFromIpv4(dst), src: macFromIpv4(src), etherType: EtherType.IPv4, payload: ip });
}

function udpFrame(src: string, dst: string, srcPort: number, dstPort: number, payload: Uint8Array): Uint8Array {
  return ipFrame(src, dst, IpProtocol.UDP, encodeUdp({ srcPort, dstPort, payload }, src, dst));
}

function arpFrames(): Uint8Array[] {
  const [macA, macB] = [macFromIpv4(A), macFromIpv4(B)];
  const request = encodeArp({ operation: 1, senderMac: macA, senderIp: A, targetMac: ZERO_MAC, targetIp: B });
  const reply = encodeArp({ operation: 2, senderMac: macB, senderIp: B, targetMac: macA, targetIp: A });
  return [
    encodeEthernet({ dst: BROADCAST_MAC, src: macA, etherType: EtherType.ARP, payload: request }),
    encodeEthernet({ dst: macA, src: macB, etherType: EtherType.ARP, payload: reply })
  ];
}

function pingFrames(): Uint8Array[] {
  const data = new TextEncoder().encode('swarmsim ping payload 0123456789');
  const request = encodeIcmp({ kind: 'echo-request', identifier: 0x1d, sequence: 1, data });
  const reply = encodeIcmp({ kind: 'echo-reply', identifier: 0x1d, sequence: 1, data });
  return [ipFrame(A, B, IpProtocol.ICMP, request), ipFrame(B, A, IpProtocol.ICMP, reply)];
}

function vxlanFrame(): Uint8Array {
  const echo = encodeIcmp({ kind: 'echo-request', identifier: 7, sequence: 3, data: new Uint8Array(16).fill(0x61) });
  const inner = ipFrame(TASK_1, TASK_2, IpProtocol.ICMP, echo);
  // Outer UDP source port: Linux hashes the inner flow into the ephemeral range; any fixed value will do.
  return udpFrame(UNDERLAY_1, UNDERLAY_2, 51234, VXLAN_UDP_PORT, encodeVxlan({ vni: VNI, payload: inner }));
}

function tcpFrames(): Uint8Array[] {
  const base = { window: 64240, urgentPointer: 0, payload: new Uint8Array(0) };
  const syn = { ...base, srcPort: 40000, dstPort: 80, seq: 1000, ack: 0, flags: { ...NO_FLAGS, syn: true }, mss: 1460 };
  const synAckFlags = { ...NO_FLAGS, syn: true, ack: true };
  const synAck = { ...base, srcPort: 80, dstPort: 40000, seq: 5000, ack: 1001, flags: synAckFlags, mss: 1400 };
  return [ipFrame(A, B, IpProtocol.TCP, encodeTcp(syn, A, B)), ipFrame(B, A, IpProtocol.TCP, encodeTcp(synAck, B, A))];
}

function dnsFrames(): Uint8Array[] {
  const question = { type: 'A', name: 'tasks.web' } as const;
  const id = 0x4242;
  const query = dnsPacket.encode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [question] });
  const response = dnsPacket.encode({
    type: 'response',
    id,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
    questions: [question],
    answers: [TASK_1, TASK_2].map((data) => ({ type: 'A' as const, name: 'tasks.web', ttl: 600, data }))
  });
  return [udpFrame(A, B, 53000, 53, query), udpFrame(B, A, 53, 53000, response)];
}

/** Every frame of the oracle capture, in order: ARP ×2, ICMP ×2, VXLAN, TCP ×2, DNS ×2. */
export function oracleFrames(): Uint8Array[] {
  return [...arpFrames(), ...pingFrames(), vxlanFrame(), ...tcpFrames(), ...dnsFrames()];
}

/** The oracle capture as a pcap file, one frame per millisecond. */
export function oraclePcap(): Uint8Array {
  const w = new PcapWriter();
  oracleFrames().forEach((frame, i) => w.write(frame, 1_700_000_000_000 + i + 0.5));
  return w.toBytes();
}
