import { describe, expect, it } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import type { Transport } from '@swarmsim/interface';
import { Fabric, Wire, type EtherInterface, type Namespace } from '@swarmsim/netmodel';
import { decodeEthernet, decodeIpv4 } from '@swarmsim/packet';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { UnderlayBridge } from '../src/underlay-bridge.js';

/** Two nodes' halves of one LAN on one fabric, each with its own wire, eth0 and a local `outside` host (.1). */
function twoHalves() {
  const clock = new ManualClock(0);
  const fabric = new Fabric({ clock }, { seed: 1 });
  const net = new MemoryNetwork({ clock }, { seed: 1, defaults: { latencyMs: 1 } });
  const sent: Uint8Array[] = [];
  const half = (name: string, ip: string) => {
    const wire = new Wire(`${name}:underlay`);
    const host = station(fabric, `${name}:host`, wire, `${ip}/24`);
    const outside = station(fabric, `${name}:outside`, wire, '192.168.99.1/24');
    const raw = net.createTransport(name);
    const transport: Transport = {
      ...raw,
      localId: raw.localId,
      maxPayloadBytes: raw.maxPayloadBytes,
      onMessage: (h) => raw.onMessage(h),
      sendBestEffort: (to, ch, p) => (sent.push(p), raw.sendBestEffort(to, ch, p)),
      sendReliable: (to, ch, p) => raw.sendReliable(to, ch, p)
    };
    const bridge = new UnderlayBridge(host.eth0, {
      wire,
      transport,
      peers: () => ['a', 'b']
    });
    return { host: host.ns, outside: outside.ns, bridge };
  };
  return { clock, net, sent, a: half('a', '192.168.99.100'), b: half('b', '192.168.99.101') };
}

function station(fabric: Fabric, name: string, wire: Wire, cidr: string): { ns: Namespace; eth0: EtherInterface } {
  const ns = fabric.createNamespace(name);
  const eth0 = ns.addEther('eth0');
  wire.attach(eth0);
  ns.addAddress('eth0', cidr);
  ns.setUp('eth0');
  return { ns, eth0 };
}

describe('UnderlayBridge', () => {
  it("carries one node's eth0 frames to another node's as real Ethernet bytes over the data channel", async () => {
    const { clock, sent, a, b } = twoHalves();
    const ping = a.host.icmp.ping('192.168.99.101', { count: 3 });
    clock.tick(5000);
    expect((await ping).received).toBe(3);
    // ARP is flooded first; afterwards each echo goes to the node that owns the MAC.
    const kinds = sent.map((f) => decodeEthernet(f).etherType);
    expect(kinds[0]).toBe(0x0806);
    const icmp = sent
      .filter((f) => decodeEthernet(f).etherType === 0x0800)
      .map((f) => decodeIpv4(decodeEthernet(f).payload));
    expect(icmp.map((p) => `${p.src}>${p.dst}`)).toContain('192.168.99.100>192.168.99.101');
    expect(icmp.map((p) => `${p.src}>${p.dst}`)).toContain('192.168.99.101>192.168.99.100');
    expect(a.bridge.stats.sent).toBeGreaterThan(0);
    expect(b.bridge.stats.received).toBeGreaterThan(0);
  });

  it("keeps each node's own stations local: the `outside` host at .1 answers once, from its own node", async () => {
    const { clock, a, b } = twoHalves();
    const ping = a.host.icmp.ping('192.168.99.1', { count: 2 });
    clock.tick(5000);
    const result = await ping;
    expect(result.received).toBe(2);
    expect(result.replies).toHaveLength(2);
    // b's outside host heard the flooded ARP request but its answer never left b.
    expect(b.outside.interface('eth0').counters.rxPackets).toBeGreaterThan(0);
    expect(a.outside.interface('eth0').counters.txPackets).toBeGreaterThan(0);
  });

  it("loses the underlay when the transport's data channel is partitioned, and regains it on heal", async () => {
    const { clock, net, a } = twoHalves();
    net.partition('a', 'b', { channel: 'data' });
    const lost = a.host.icmp.ping('192.168.99.101', { count: 2 });
    clock.tick(10_000);
    expect((await lost).received).toBe(0);
    net.heal();
    const back = a.host.icmp.ping('192.168.99.101', { count: 2 });
    clock.tick(10_000);
    expect((await back).received).toBe(2);
  });

  it('drops a peer payload too short to be an Ethernet frame, and stops carrying after close', async () => {
    const { clock, net, a, b } = twoHalves();
    const rogue = net.createTransport('c');
    rogue.sendBestEffort('b', 'data', Uint8Array.of(1, 2, 3));
    clock.tick(10);
    expect(b.bridge.stats.malformed).toBe(1);
    a.bridge.close();
    const ping = a.host.icmp.ping('192.168.99.101', { count: 1 });
    clock.tick(5000);
    expect((await ping).received).toBe(0);
  });
});
