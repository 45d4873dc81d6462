import { IpProtocol } from '@swarmsim/packet';
import type { ConntrackEntry } from './connection.js';
import type { Tuple } from './tuple.js';

// libnetfilter_conntrack's proto2str; anything else prints as "unknown".
const PROTO_NAMES: ReadonlyMap<number, string> = new Map([
  [IpProtocol.TCP, 'tcp'],
  [IpProtocol.UDP, 'udp'],
  [IpProtocol.ICMP, 'icmp'],
  [132, 'sctp'],
  [47, 'gre'],
  [136, 'udplite']
]);

function tupleText(t: Tuple): string {
  const addrs = `src=${t.src} dst=${t.dst}`;
  switch (t.protocol) {
    case IpProtocol.TCP:
    case IpProtocol.UDP:
      return `${addrs} sport=${t.srcPort} dport=${t.dstPort}`;
    case IpProtocol.ICMP:
      return `${addrs} type=${t.dstPort >> 8} code=${t.dstPort & 0xff} id=${t.srcPort}`;
    default:
      return addrs;
  }
}

/**
 * One line of `conntrack -L` (libnetfilter_conntrack's default format, no accounting):
 * `tcp      6 431999 ESTABLISHED src=… dst=… sport=… dport=… src=… … [ASSURED] mark=0 use=1`.
 */
export function formatConntrackEntry(e: ConntrackEntry): string {
  const proto = PROTO_NAMES.get(e.original.protocol) ?? 'unknown';
  const parts = [`${proto.padEnd(8)} ${e.original.protocol}`, String(e.timeout)];
  if (e.tcpState !== undefined) parts.push(e.tcpState);
  parts.push(tupleText(e.original));
  if (!e.seenReply) parts.push('[UNREPLIED]');
  parts.push(tupleText(e.reply));
  if (e.assured) parts.push('[ASSURED]');
  parts.push(`mark=${e.mark}`, 'use=1');
  return parts.join(' ');
}
