import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { A, B, TASK_1, TASK_2, UNDERLAY_1, UNDERLAY_2, VNI, oraclePcap } from './tshark-capture.js';

// Wireshark's enums as tshark -T json prints them: checksum status 1 = Good (0 Bad, 2 Unverified);
// expert severity PI_WARN = 0x00600000, PI_ERROR = 0x00800000.
const CHECKSUM_GOOD = '1';
const EXPERT_WARN = 0x00600000;

const available = spawnSync('tshark', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !available && !process.env['CI'];
if (skip) console.warn('tshark-oracle: skipped, `tshark` is not on PATH (set CI=1 to make this a failure)');

type Fields = Map<string, string[]>;

/** Every field name in a tshark JSON frame with all its string values, wherever it is nested. */
function collect(node: unknown, key: string, out: Fields): Fields {
  if (!out.has(key)) out.set(key, []);
  if (typeof node === 'string') out.get(key)!.push(node);
  else if (Array.isArray(node)) for (const item of node) collect(item, key, out);
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) collect(v, k, out);
  return out;
}

// Created on first use, so a skipped run leaves nothing behind.
let tmp: string | undefined;
afterAll(() => {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
});

/** Runs tshark with checksum validation on `pcap` and returns each frame's fields. */
function dissect(pcap: Uint8Array, name: string): Fields[] {
  tmp ??= mkdtempSync(join(tmpdir(), 'swarmsim-packet-'));
  const file = join(tmp, name);
  writeFileSync(file, pcap);
  const checks = ['ip', 'udp', 'tcp'].flatMap((p) => ['-o', `${p}.check_checksum:TRUE`]);
  // stderr carries noise such as the "running as root" warning: judge by exit status only.
  const run = spawnSync('tshark', ['-n', '-r', file, '-T', 'json', '--no-duplicate-keys', ...checks], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  });
  expect(run.error).toBeUndefined();
  expect(run.status).toBe(0);
  const frames = JSON.parse(run.stdout) as { _source: { layers: unknown } }[];
  return frames.map((f) => collect(f._source.layers, '', new Map()));
}

let cached: Fields[] | undefined;
function oracle(): Fields[] {
  expect(available, 'tshark must be installed when CI is set').toBe(true);
  cached ??= dissect(oraclePcap(), 'oracle.pcap');
  return cached;
}

function field(frame: Fields | undefined, name: string): string[] {
  return frame?.get(name) ?? [];
}

describe.skipIf(skip)('tshark oracle', () => {
  it('dissects every frame down to the expected protocol stack', () => {
    expect(oracle().map((f) => field(f, 'frame.protocols')[0])).toEqual([
      'eth:ethertype:arp',
      'eth:ethertype:arp',
      'eth:ethertype:ip:icmp:data',
      'eth:ethertype:ip:icmp:data',
      'eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:icmp:data',
      'eth:ethertype:ip:tcp',
      'eth:ethertype:ip:tcp',
      'eth:ethertype:ip:udp:dns',
      'eth:ethertype:ip:udp:dns'
    ]);
  });

  it('reads ARP opcodes and addresses', () => {
    const [request, reply] = oracle();
    expect(field(request, 'arp.opcode')).toEqual(['1']);
    expect(field(request, 'arp.src.hw_mac')).toEqual(['02:42:ac:11:00:02']);
    expect(field(request, 'arp.src.proto_ipv4')).toEqual([A]);
    expect(field(request, 'arp.dst.proto_ipv4')).toEqual([B]);
    expect(field(reply, 'arp.opcode')).toEqual(['2']);
    expect(field(reply, 'arp.src.hw_mac')).toEqual(['02:42:ac:11:00:03']);
    expect(field(reply, 'arp.dst.hw_mac')).toEqual(['02:42:ac:11:00:02']);
  });

  it('reads ICMP echo request 8 and reply 0, pairing them', () => {
    const [, , request, reply] = oracle();
    expect(field(request, 'icmp.type')).toEqual(['8']);
    expect(field(reply, 'icmp.type')).toEqual(['0']);
    expect(field(reply, 'icmp.resp_to')).toEqual(['3']);
    expect(field(request, 'ip.src')).toEqual([A]);
  });

  it('reads the VXLAN frame: underlay hosts, VNI 4097, inner ICMP between tasks', () => {
    const vxlan = oracle()[4];
    expect(field(vxlan, 'ip.src')).toEqual([UNDERLAY_1, TASK_1]);
    expect(field(vxlan, 'ip.dst')).toEqual([UNDERLAY_2, TASK_2]);
    expect(field(vxlan, 'udp.dstport')).toEqual(['4789']);
    expect(field(vxlan, 'vxlan.flag_i')).toEqual(['1']);
    expect(field(vxlan, 'vxlan.vni')).toEqual([String(VNI)]);
    expect(field(vxlan, 'icmp.type')).toEqual(['8']);
  });

  it('reads the TCP handshake with its MSS options', () => {
    const [, , , , , syn, synAck] = oracle();
    expect(field(syn, 'tcp.flags')).toEqual(['0x0002']);
    expect(field(syn, 'tcp.options.mss_val')).toEqual(['1460']);
    expect(field(synAck, 'tcp.flags')).toEqual(['0x0012']);
    expect(field(synAck, 'tcp.ack')).toEqual(['1']);
  });

  it('reads the DNS query and answer for tasks.web', () => {
    const [query, response] = oracle().slice(7);
    expect(field(query, 'dns.qry.name')).toEqual(['tasks.web']);
    expect(field(query, 'dns.flags.response')).toEqual(['0']);
    expect(field(response, 'dns.a')).toEqual([TASK_1, TASK_2]);
    expect(field(response, 'udp.srcport')).toEqual(['53']);
  });

  it('finds every IP, ICMP, UDP and TCP checksum Good', () => {
    const statuses = ['ip.checksum.status', 'icmp.checksum.status', 'udp.checksum.status', 'tcp.checksum.status'];
    const counts = statuses.map((s) => oracle().flatMap((f) => field(f, s)));
    expect(counts.map((c) => c.length)).toEqual([8, 3, 3, 2]);
    expect(new Set(counts.flat())).toEqual(new Set([CHECKSUM_GOOD]));
  });

  it('reports nothing malformed and no expert warnings', () => {
    for (const frame of oracle()) {
      expect(frame.has('_ws.malformed')).toBe(false);
      const severities = field(frame, '_ws.expert.severity').map(Number);
      expect(severities.filter((s) => s >= EXPERT_WARN)).toEqual([]);
    }
  });

  it('would notice a bad checksum (the oracle is not vacuous)', () => {
    const pcap = oraclePcap();
    // Frame 3 starts after the global header and two 42-byte ARP records; byte 22 of it is the IPv4 TTL.
    const ttl = 24 + 2 * (16 + 42) + 16 + 22;
    pcap[ttl] = pcap[ttl]! ^ 1;
    const frames = dissect(pcap, 'corrupt.pcap');
    expect(field(frames[2], 'ip.checksum.status')).toEqual(['0']);
    expect(
      field(frames[2], '_ws.expert.severity')
        .map(Number)
        .some((s) => s >= EXPERT_WARN)
    ).toBe(true);
  });
});
