import { describe, expect, it } from 'vitest';
import { Fabric, Wire } from '@swarmsim/netmodel';
import { ManualClock } from '@swarmsim/clock';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { outsideAddressFor } from '../src/containers/index.js';
import { InProcessNode } from '../src/in-process-node.js';

describe('underlay prefix', () => {
  it('configures eth0 with the underlay mask, so nodes in different /24s of a /21 reach each other', async () => {
    const clock = new ManualClock();
    const fabric = new Fabric({ clock });
    const wire = new Wire('underlay');
    const net = new MemoryNetwork({ clock });
    const node = (name: string, underlayIp: string): InProcessNode =>
      new InProcessNode(
        { name, underlayIp, underlayPrefix: 21 },
        { clock, fabric, wire, transport: net.createTransport(name) }
      );
    const a = node('node-156', '192.168.99.255');
    node('node-157', '192.168.100.0');
    const eth0 = a.host.ns.allInterfaces().find((i) => i.name === 'eth0')!;
    expect(eth0.addresses.map((x) => [x.address, x.prefixLength, x.broadcast])).toEqual([
      ['192.168.99.255', 21, '192.168.103.255']
    ]);
    const ping = a.host.ns.icmp.ping('192.168.100.0');
    clock.tick(1000);
    expect((await ping).received).toBe(1);
  });

  it('puts the outside host at network + 1 of the underlay subnet', () => {
    expect(outsideAddressFor('192.168.99.101', 24)).toBe('192.168.99.1/24');
    expect(outsideAddressFor('192.168.100.0', 21)).toBe('192.168.96.1/21');
    expect(outsideAddressFor('10.1.1.6', 30)).toBe('10.1.1.5/30');
  });
});
