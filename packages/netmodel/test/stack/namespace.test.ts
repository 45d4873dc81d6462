import { describe, expect, it } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { Fabric, NetmodelError } from '../../src/index.js';

function fabric() {
  const clock = new ManualClock();
  return { clock, fabric: new Fabric({ clock }) };
}

describe('Namespace', () => {
  it('moves an interface to another namespace down and without addresses, as Linux does', () => {
    const { fabric: f } = fabric();
    const host = f.createNamespace('host');
    const c = f.createNamespace('c');
    host.addVethPair('vethA', 'tmp0', host);
    host.addAddress('tmp0', '10.1.0.2/24');
    host.setUp('tmp0');
    const moved = host.moveInterface('tmp0', c, 'eth0');
    expect(moved.namespace).toBe(c);
    expect(moved.up).toBe(false);
    expect(moved.addresses).toEqual([]);
    expect(() => host.interface('tmp0')).toThrow(NetmodelError);
    expect(host.routes.lookup('10.1.0.9')).toBeUndefined();
  });

  it('deletes the peer when one end of a veth pair is deleted', () => {
    const { fabric: f } = fabric();
    const host = f.createNamespace('host');
    const c = f.createNamespace('c');
    host.addVethPair('vethA', 'eth0', c);
    host.removeInterface('vethA');
    expect(c.allInterfaces().map((d) => d.name)).toEqual(['lo']);
  });

  it('refuses duplicate names with coded errors', () => {
    const { fabric: f } = fabric();
    const host = f.createNamespace('host');
    host.addBridge('docker0');
    expect(() => host.addBridge('docker0')).toThrow(expect.objectContaining({ code: 'NETMODEL_ERR_INTERFACE_EXISTS' }));
    expect(() => f.createNamespace('host')).toThrow(expect.objectContaining({ code: 'NETMODEL_ERR_NAMESPACE_EXISTS' }));
    expect(() => host.addAddress('docker0', '300.1.1.1/8')).toThrow(
      expect.objectContaining({ code: 'NETMODEL_ERR_BAD_ADDRESS' })
    );
  });

  it('answers ENETUNREACH for a destination with no route and EADDRINUSE for a taken UDP port', () => {
    const { fabric: f } = fabric();
    const c = f.createNamespace('c');
    expect(() => c.udp.bind().send(new Uint8Array(1), 53, '10.9.9.9')).toThrow(
      expect.objectContaining({ code: 'NETMODEL_ERR_NETWORK_UNREACHABLE' })
    );
    c.udp.bind(5353);
    expect(() => c.udp.bind(5353)).toThrow(expect.objectContaining({ code: 'NETMODEL_ERR_ADDRESS_IN_USE' }));
    expect(() => c.udp.bind(1, '10.0.0.1')).toThrow(
      expect.objectContaining({ code: 'NETMODEL_ERR_ADDRESS_NOT_AVAILABLE' })
    );
  });

  it('delivers UDP over loopback and answers ICMP port unreachable for a closed port', async () => {
    const { clock, fabric: f } = fabric();
    const c = f.createNamespace('c');
    const got: string[] = [];
    c.udp.bind(7, '127.0.0.1').on('message', (d, r) => got.push(`${new TextDecoder().decode(d)} from ${r.address}`));
    const client = c.udp.bind();
    client.send(new TextEncoder().encode('hi'), 7, '127.0.0.1');
    expect(got).toEqual(['hi from 127.0.0.1']);
    const ping = c.icmp.ping('127.0.0.1');
    clock.tick(10);
    expect((await ping).received).toBe(1);
    const before = c.ipv4.stats.outRequests;
    client.send(new Uint8Array(1), 9, '127.0.0.1');
    // The datagram plus the ICMP port-unreachable the stack sent back.
    expect(c.ipv4.stats.outRequests - before).toBe(2);
  });
});
