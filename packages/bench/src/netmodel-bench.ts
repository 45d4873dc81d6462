import {
  decodeEthernet,
  decodeIpv4,
  decodeUdp,
  encodeEthernet,
  encodeIpv4,
  encodeUdp,
  macFromIpv4
} from '@swarmsim/packet';
import { createDockerHost } from '@swarmsim/drivers';
import { Fabric, type Namespace, type NetInterface } from '@swarmsim/netmodel';
import { ManualClock } from '@swarmsim/clock';
import { measurePaired, type PairedRate } from './measure.js';

/** One row of the netmodel benchmark table. */
export interface BenchRow {
  name: string;
  unit: string;
  value: number;
  reference: string;
  referenceValue: number;
  /** Unit of the reference value. @default 'ops/s' */
  referenceUnit?: string;
  ratio: number;
}

/** A batch of operations to measure. */
interface Workload {
  batch: () => void;
  ops: number;
}

interface Pair {
  clock: ManualClock;
  a: Namespace;
  b: Namespace;
  aEth: NetInterface;
  bEth: NetInterface;
}

/**
 * Two containers on docker0: a.eth0 ↔ veth ↔ docker0 ↔ veth ↔ b.eth0, addresses 172.17.0.2/.3. `docker`:
 * the host as dockerd leaves it (Docker's iptables rules, so br_netfilter runs FORWARD and conntrack is on);
 * otherwise a bare bridge with empty tables (conntrack never loaded).
 */
function bridgedPair(docker: boolean): Pair {
  const clock = new ManualClock();
  const fabric = new Fabric({ clock });
  const spaces = [fabric.createNamespace('c0'), fabric.createNamespace('c1')] as const;
  if (docker) {
    const host = createDockerHost(fabric, 'host');
    for (const ns of spaces) host.bridges.connect(ns, 'bridge');
  } else {
    const host = fabric.createNamespace('host', { ipForward: true });
    const br = host.addBridge('docker0');
    host.addAddress('docker0', '172.17.0.1/16');
    host.setUp('docker0');
    for (const [i, ns] of spaces.entries()) {
      const ip = `172.17.0.${i + 2}`;
      const [outside] = host.addVethPair(`veth${i}`, 'eth0', ns, { peerMac: macFromIpv4(ip) });
      br.addPort(outside);
      host.setUp(`veth${i}`);
      ns.addAddress('eth0', `${ip}/16`);
      ns.setUp('eth0');
    }
  }
  const [a, b] = spaces;
  return { clock, a, b, aEth: a.interface('eth0'), bEth: b.interface('eth0') };
}

/** A UDP frame a → b with a 64-byte payload, as the stack would emit it. */
function udpFrame(): Uint8Array {
  const udp = encodeUdp({ srcPort: 40000, dstPort: 9, payload: new Uint8Array(64) }, '172.17.0.2', '172.17.0.3');
  const ip = encodeIpv4({
    tos: 0,
    identification: 1,
    dontFragment: true,
    moreFragments: false,
    fragmentOffset: 0,
    ttl: 64,
    protocol: 17,
    src: '172.17.0.2',
    dst: '172.17.0.3',
    options: new Uint8Array(0),
    payload: udp
  });
  return encodeEthernet({
    dst: macFromIpv4('172.17.0.3'),
    src: macFromIpv4('172.17.0.2'),
    etherType: 0x0800,
    payload: ip
  });
}

/** Reference: the codec work alone for one frame (encode + decode of Ethernet/IPv4/UDP), no stack. */
function codecOnly(): Workload {
  const payload = new Uint8Array(64);
  return {
    ops: 1000,
    batch: () => {
      for (let i = 0; i < 1000; i++) {
        const udp = encodeUdp({ srcPort: 40000, dstPort: 9, payload }, '172.17.0.2', '172.17.0.3');
        const ip = encodeIpv4({
          tos: 0,
          identification: i,
          dontFragment: true,
          moreFragments: false,
          fragmentOffset: 0,
          ttl: 64,
          protocol: 17,
          src: '172.17.0.2',
          dst: '172.17.0.3',
          options: new Uint8Array(0),
          payload: udp
        });
        const frame = encodeEthernet({
          dst: '02:42:ac:11:00:03',
          src: '02:42:ac:11:00:02',
          etherType: 0x0800,
          payload: ip
        });
        const eth = decodeEthernet(frame);
        const dip = decodeIpv4(eth.payload);
        decodeUdp(dip.payload, dip.src, dip.dst);
      }
    }
  };
}

/** Raw frames a.eth0 → veth → bridge (learned, br_netfilter on) → veth → b.eth0, delivered up b's stack. */
function bridgedFrames(docker: boolean, reference: Workload): PairedRate {
  const p = bridgedPair(docker);
  const frame = udpFrame();
  const sink = p.b.udp.bind(9);
  let delivered = 0;
  sink.on('message', () => delivered++);
  const rate = measurePaired(
    {
      ops: 1000,
      batch: () => {
        for (let i = 0; i < 1000; i++) p.aEth.transmit(frame);
      }
    },
    reference
  );
  if (delivered === 0) throw new Error('bench: no frame reached the receiving socket');
  return rate;
}

/** UDP datagrams socket → socket through the full stack (route, netfilter, ARP cache, bridge). */
function udpSockets(docker: boolean, reference: Workload): PairedRate {
  const p = bridgedPair(docker);
  const sink = p.b.udp.bind(9);
  let delivered = 0;
  sink.on('message', () => delivered++);
  const src = p.a.udp.bind();
  const payload = new Uint8Array(64);
  src.send(payload, 9, '172.17.0.3');
  const rate = measurePaired(
    {
      ops: 1000,
      batch: () => {
        for (let i = 0; i < 1000; i++) src.send(payload, 9, '172.17.0.3');
      }
    },
    reference
  );
  if (delivered === 0) throw new Error('bench: no datagram delivered');
  return rate;
}

/** ICMP echo round trips a → b → a (each ping completes synchronously on zero-latency links). */
async function pingRoundTrips(docker: boolean, reference: Workload): Promise<PairedRate> {
  const p = bridgedPair(docker);
  let replies = 0;
  const count = (r: { received: number }) => {
    replies += r.received;
  };
  void p.a.icmp.ping('172.17.0.3').then(count);
  const rate = measurePaired(
    {
      ops: 200,
      batch: () => {
        for (let i = 0; i < 200; i++) void p.a.icmp.ping('172.17.0.3').then(count);
      }
    },
    reference
  );
  await new Promise((resolve) => setImmediate(resolve));
  if (replies === 0) throw new Error('bench: no echo reply');
  return rate;
}

/** Runs every netmodel workload and returns rows with their same-run references. */
export async function runNetmodelBench(): Promise<BenchRow[]> {
  const reference = codecOnly();
  const row = (name: string, unit: string, r: PairedRate): BenchRow => ({
    name,
    unit,
    value: Math.round(r.work.opsPerSec),
    reference: 'codec only: encode+decode Ethernet/IPv4/UDP of the same frame',
    referenceValue: Math.round(r.reference.opsPerSec),
    ratio: Number(r.ratio.toFixed(3))
  });
  const rows: BenchRow[] = [];
  for (const docker of [false, true]) {
    const where = docker ? "docker0 with Docker's iptables rules + conntrack" : 'bare bridge, empty tables';
    rows.push(
      row(
        `frames veth → bridge → veth, delivered to a UDP socket (${where})`,
        'frames/s',
        bridgedFrames(docker, reference)
      )
    );
    rows.push(
      row(`UDP datagrams socket → socket across the bridge (${where})`, 'datagrams/s', udpSockets(docker, reference))
    );
    rows.push(
      row(
        `ICMP echo round trips across the bridge (${where})`,
        'round trips/s',
        await pingRoundTrips(docker, reference)
      )
    );
  }
  return rows;
}
