import dnsPacket from 'dns-packet';
import { createDockerHost, type DockerHost } from '@swarmsim/drivers';
import { seededRandom } from '@swarmsim/interface';
import { Fabric, Wire, type Namespace } from '@swarmsim/netmodel';
import { ManualClock } from '@swarmsim/clock';
import { ContainerEngine } from '../../src/containers/index.js';

/** One Docker host (not in a swarm) on an underlay, with its container engine, in virtual time. */
export interface EngineHarness {
  clock: ManualClock;
  fabric: Fabric;
  wire: Wire;
  host: DockerHost;
  engine: ContainerEngine;
}

/** A fresh host `node-1` (eth0 192.168.99.100/24) and its engine; same seed, same ids. */
export function engineHarness(seed = 1): EngineHarness {
  const clock = new ManualClock();
  const fabric = new Fabric({ clock }, { seed });
  const wire = new Wire('underlay');
  const host = createDockerHost(fabric, 'node-1', { wire, cidr: '192.168.99.100/24' });
  const engine = new ContainerEngine({ node: 'node-1' }, { fabric, host, clock, random: seededRandom(seed) });
  return { clock, fabric, wire, host, engine };
}

/** Lets promise callbacks (the resolver's answer) run. */
export async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/**
 * Sends a real DNS A query for `name` over simulated UDP to 127.0.0.11:53 from inside `ns` and returns the
 * decoded reply's A records, or undefined when nothing answered (no resolver in that namespace).
 */
export async function queryA(clock: ManualClock, ns: Namespace, name: string): Promise<string[] | undefined> {
  const socket = ns.udp.bind();
  let reply: Uint8Array | undefined;
  socket.on('message', (data) => (reply = data));
  socket.send(
    dnsPacket.encode({ id: 42, type: 'query', flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name }] }),
    53,
    '127.0.0.11'
  );
  for (let i = 0; i < 5 && reply === undefined; i++) {
    await flushMicrotasks();
    clock.tick(10);
  }
  socket.close();
  if (reply === undefined) return undefined;
  const decoded = dnsPacket.decode(Buffer.from(reply));
  return (decoded.answers ?? []).flatMap((a) => (a.type === 'A' ? [a.data] : []));
}

/** Pings `ip` once from `ns` and says whether an echo reply came back. */
export async function pingOnce(clock: ManualClock, ns: Namespace, ip: string): Promise<boolean> {
  const result = ns.icmp.ping(ip, { waitMs: 1000 });
  clock.tick(1500);
  return (await result).received === 1;
}

/** Addresses per interface of a namespace, loopback excluded. */
export function addressesOf(ns: Namespace): Record<string, string[]> {
  return Object.fromEntries(
    ns
      .allInterfaces()
      .filter((i) => i.name !== 'lo')
      .map((i) => [i.name, i.addresses.map((a) => a.address)])
  );
}
