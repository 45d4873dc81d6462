import { describe, expect, it } from 'vitest';
import { bridgeFdb, ipNeigh, NetmodelError, vxlanLinkInfo, type Veth } from '@swarmsim/netmodel';
import { decodeIcmp, IpProtocol, macFromIpv4 } from '@swarmsim/packet';
import { DriverError } from '../src/index.js';
import { OVERNET, overlayLab, UNDERLAY, vxlanFrames } from './overlay-lab.js';

const C1 = '10.0.1.3';
const C2 = '10.0.1.4';
const C3 = '10.0.1.5';

/** c1 on node A and c2 on node B joined, each node holding the other's peer record. */
function twoNodes() {
  const lab = overlayLab();
  const c1 = lab.a.overnet.join(lab.fabric.createNamespace('c1'), { ip: C1 });
  const c2 = lab.b.overnet.join(lab.fabric.createNamespace('c2'), { ip: C2 });
  lab.a.overnet.addPeer(C2, c2.mac, UNDERLAY.b);
  lab.b.overnet.addPeer(C1, c1.mac, UNDERLAY.a);
  return { ...lab, c1, c2 };
}

describe('OverlayDriver: the per-network namespace', () => {
  it('builds nothing until the first endpoint joins, then br0 with the gateway and vxlan0 as Docker sets it', () => {
    const lab = overlayLab();
    const net = lab.a.overnet;
    expect(net.namespace).toBeUndefined();
    expect(() => lab.fabric.namespace('node-a:ov-overnet')).toThrow(NetmodelError);

    net.join(lab.fabric.createNamespace('c1'), { ip: C1 });
    const ns = lab.fabric.namespace('node-a:ov-overnet');
    expect(net.namespace).toBe(ns);
    expect(ns.interface('br0').addresses).toEqual([{ address: '10.0.1.1', prefixLength: 24, broadcast: '10.0.1.255' }]);
    const vxlan0 = net.vxlan!;
    expect(vxlan0.name).toBe('vxlan0');
    expect(vxlan0.master).toBe(ns.interface('br0'));
    expect(vxlan0.up).toBe(true);
    expect(vxlan0.mtu).toBe(1450);
    expect(vxlan0.config).toMatchObject({
      vni: 4097,
      port: 4789,
      learning: true,
      proxy: true,
      l2miss: true,
      l3miss: true
    });
    // `ip -d link show vxlan0` in the namespace, as on a Docker node.
    expect(vxlanLinkInfo(vxlan0)).toBe(
      '    vxlan id 4097 srcport 0 0 dstport 4789 ttl auto ageing 300 proxy l2miss l3miss '
    );
    // The tunnel runs through the host namespace (its routing and eth0), and the host keeps no vxlan device.
    expect(vxlan0.underlay).toBe(lab.a.docker.ns);
    expect(lab.a.docker.ns.allInterfaces().map((d) => d.kind)).not.toContain('vxlan');
  });

  it('attaches a container by veth: eth0 at MTU 1450 with MAC 02:42:+IP, a route to the subnet, no default route', () => {
    const lab = overlayLab();
    const ep = lab.a.overnet.join(lab.fabric.createNamespace('c1'), { ip: C1 });
    const eth0 = ep.ns.interface('eth0');
    expect(eth0.mtu).toBe(1450);
    expect(eth0.mac).toBe('02:42:0a:00:01:03');
    expect(ep.mac).toBe('02:42:0a:00:01:03');
    expect(eth0.addresses[0]).toMatchObject({ address: C1, prefixLength: 24 });
    expect(ep.ns.routes.lookup('10.0.1.200')).toMatchObject({ network: '10.0.1.0', prefixLength: 24, dev: 'eth0' });
    expect(ep.ns.routes.lookup('8.8.8.8')).toBeUndefined();
    // The other end is veth0 in the overlay namespace, a port of br0, at the same MTU.
    const outside = lab.a.overnet.namespace!.interface('veth0') as Veth;
    expect(outside.peer).toBe(eth0);
    expect(outside.mtu).toBe(1450);
    expect(outside.master?.name).toBe('br0');
  });

  it('names the container side as asked, and numbers the overlay-side veths veth0, veth1, … in join order', () => {
    const lab = overlayLab();
    const c = lab.fabric.createNamespace('c');
    lab.a.docker.bridges.connect(c, 'bridge');
    const ep = lab.a.overnet.join(c, { ip: C1, ifName: 'eth1' });
    const other = lab.a.overnet.join(lab.fabric.createNamespace('d'), { ip: C2 });
    expect(c.interface('eth1').mac).toBe('02:42:0a:00:01:03');
    expect([ep.sandboxVeth, other.sandboxVeth]).toEqual(['veth0', 'veth1']);
    // The bridge network's default route stays the container's only default route.
    expect(c.routes.lookup('8.8.8.8')?.dev).toBe('eth0');
  });

  it('uses the MTU of a non-default underlay minus the 50 bytes of VXLAN', () => {
    const lab = overlayLab();
    const net = lab.a.docker.overlays.createNetwork({ name: 'jumbo', vni: 4200, subnet: '10.0.9.0/24', mtu: 9000 });
    const ep = net.join(lab.fabric.createNamespace('c'), { ip: '10.0.9.2' });
    expect(ep.ns.interface('eth0').mtu).toBe(8950);
    expect(net.vxlan!.mtu).toBe(8950);
  });
});

describe('OverlayDriver: traffic between hosts', () => {
  it('carries a ping c1 → c2 across hosts as UDP 4789 with VXLAN VNI 4097 around the inner ICMP', async () => {
    const { clock, a, c1 } = twoNodes();
    const done = c1.ns.icmp.ping(C2, { waitMs: 1000 });
    clock.tick(2000);
    expect((await done).received).toBe(1);

    const frames = vxlanFrames(a.eth0);
    expect(frames.map((f) => f.direction)).toEqual(['tx', 'rx']);
    const [request, reply] = frames;
    expect(request!.ip).toMatchObject({ src: UNDERLAY.a, dst: UNDERLAY.b, protocol: IpProtocol.UDP });
    expect(request!.udp.dstPort).toBe(4789);
    expect(request!.vxlan.vni).toBe(4097);
    expect(request!.inner).toMatchObject({ src: macFromIpv4(C1), dst: macFromIpv4(C2) });
    expect(request!.innerIp).toMatchObject({ src: C1, dst: C2, protocol: IpProtocol.ICMP });
    expect(decodeIcmp(request!.innerIp.payload).kind).toBe('echo-request');
    expect(reply!.ip).toMatchObject({ src: UNDERLAY.b, dst: UNDERLAY.a });
    expect(reply!.vxlan.vni).toBe(4097);
    expect(decodeIcmp(reply!.innerIp.payload).kind).toBe('echo-reply');
  });

  it('programs a peer as a permanent neighbour and a static FDB entry on vxlan0, as peerdb does', () => {
    const { a } = twoNodes();
    const ns = a.overnet.namespace!;
    expect(ipNeigh(ns)).toContain(`${C2} dev vxlan0 lladdr ${macFromIpv4(C2)} PERMANENT\n`);
    expect(bridgeFdb(ns, { dev: 'vxlan0' })).toContain(
      `${macFromIpv4(C2)} dst ${UNDERLAY.b} link-netnsid 0 self permanent\n`
    );
    expect(a.overnet.listPeers()).toEqual([{ ip: C2, mac: macFromIpv4(C2), vtep: UNDERLAY.b }]);
  });

  it('keeps c1 → c3 on the same host on br0: nothing touches eth0', async () => {
    const { clock, fabric, a } = twoNodes();
    a.overnet.join(fabric.createNamespace('c3'), { ip: C3 });
    const c1 = fabric.namespace('c1');
    const done = c1.icmp.ping(C3, { count: 2, intervalMs: 100, waitMs: 1000 });
    clock.tick(2000);
    expect((await done).received).toBe(2);
    expect(a.eth0).toEqual([]);
    expect(a.overnet.vxlan!.counters.txPackets).toBe(0);
  });

  it('drops and counts, never floods, a ping c1 → c2 once the peer is removed', async () => {
    const { clock, a, c1, c2 } = twoNodes();
    const first = c1.ns.icmp.ping(C2, { waitMs: 1000 });
    clock.tick(2000);
    expect((await first).received).toBe(1);
    a.overnet.removePeer(C2, c2.mac, UNDERLAY.b);
    expect(ipNeigh(a.overnet.namespace!)).not.toContain(C2);
    expect(bridgeFdb(a.overnet.namespace!, { dev: 'vxlan0' })).not.toContain('self');
    const sent = a.eth0.length;

    const second = c1.ns.icmp.ping(C2, { count: 2, intervalMs: 100, waitMs: 1000 });
    clock.tick(5000);
    expect((await second).received).toBe(0);
    // c1 still has c2's MAC cached and br0 still forwards it to vxlan0, which has no FDB entry for it.
    expect(a.overnet.vxlan!.stats).toMatchObject({ noTxTarget: 2, l2Misses: 2 });
    expect(a.overnet.vxlan!.counters.txPackets).toBe(1);
    expect(vxlanFrames(a.eth0.slice(sent))).toEqual([]);
  });

  it('drops an ARP request for an overlay address nobody announced, counting the L3 miss', async () => {
    const { clock, a, c1 } = twoNodes();
    const done = c1.ns.icmp.ping('10.0.1.99', { waitMs: 1000 });
    clock.tick(5000);
    expect((await done).received).toBe(0);
    expect(a.overnet.vxlan!.stats.l3Misses).toBeGreaterThan(0);
    expect(a.eth0).toEqual([]);
  });

  it('stores peers announced before the namespace exists and programs them when it is built', async () => {
    const lab = overlayLab();
    lab.a.overnet.addPeer(C2, macFromIpv4(C2), UNDERLAY.b);
    lab.b.overnet.addPeer(C1, macFromIpv4(C1), UNDERLAY.a);
    expect(lab.a.overnet.namespace).toBeUndefined();
    const c1 = lab.a.overnet.join(lab.fabric.createNamespace('c1'), { ip: C1 });
    lab.b.overnet.join(lab.fabric.createNamespace('c2'), { ip: C2 });
    const done = c1.ns.icmp.ping(C2, { waitMs: 1000 });
    lab.clock.tick(2000);
    expect((await done).received).toBe(1);
  });

  it("ignores a peer record on this host's own VTEP: local endpoints meet on br0", () => {
    const { a } = twoNodes();
    a.overnet.addPeer(C3, macFromIpv4(C3), UNDERLAY.a);
    expect(a.overnet.listPeers().map((p) => p.ip)).toEqual([C2]);
    expect(ipNeigh(a.overnet.namespace!)).not.toContain(C3);
  });

  it('keeps the first of two records for one IP programmed and restores the second when the first goes', () => {
    const { a, c2 } = twoNodes();
    const moved = { mac: '02:42:0a:00:01:99', vtep: '192.168.99.102' };
    a.overnet.addPeer(C2, moved.mac, moved.vtep);
    const vxlan0 = a.overnet.vxlan!;
    expect(a.overnet.namespace!.neighbors.lookup(vxlan0, C2)?.mac).toBe(c2.mac);
    a.overnet.removePeer(C2, c2.mac, UNDERLAY.b);
    expect(a.overnet.namespace!.neighbors.lookup(vxlan0, C2)).toMatchObject({ mac: moved.mac, state: 'PERMANENT' });
    expect(vxlan0.fdbEntries().filter((e) => e.permanent)).toMatchObject([{ mac: moved.mac, dst: moved.vtep }]);
  });
});

describe('OverlayDriver: lifecycle', () => {
  it('tears the namespace down with the last leave, and rebuilds it with the peers on the next join', async () => {
    const { clock, fabric, a, c1 } = twoNodes();
    const c3 = a.overnet.join(fabric.createNamespace('c3'), { ip: C3 });
    a.overnet.leave(c1);
    expect(c1.ns.allInterfaces().map((d) => d.name)).toEqual(['lo']);
    expect(a.overnet.namespace).toBeDefined();
    a.overnet.leave(c3);
    expect(a.overnet.namespace).toBeUndefined();
    expect(() => fabric.namespace('node-a:ov-overnet')).toThrow(
      expect.objectContaining({ code: 'NETMODEL_ERR_NO_SUCH_NAMESPACE' })
    );
    expect(c3.ns.allInterfaces().map((d) => d.name)).toEqual(['lo']);

    // The peer database outlived the namespace; the VNI's UDP 4789 listener was released and is taken again.
    const again = a.overnet.join(fabric.createNamespace('c4'), { ip: C1 });
    expect(again.sandboxVeth).toBe('veth0');
    const done = again.ns.icmp.ping(C2, { waitMs: 1000 });
    clock.tick(2000);
    expect((await done).received).toBe(1);
  });

  it('leaves nothing behind when a join fails: no veth, and no namespace built for it alone', () => {
    const lab = overlayLab();
    const c = lab.fabric.createNamespace('c');
    c.addBridge('eth0');
    expect(() => lab.a.overnet.join(c, { ip: C1 })).toThrow(
      expect.objectContaining({ code: 'NETMODEL_ERR_INTERFACE_EXISTS' })
    );
    expect(lab.a.overnet.namespace).toBeUndefined();
    expect(lab.a.overnet.endpoints.size).toBe(0);
    // The VNI's device went with the namespace, so a later join can build it again.
    expect(lab.a.overnet.join(c, { ip: C1, ifName: 'eth1' }).sandboxVeth).toBe('veth0');
  });

  it('refuses to remove a network with endpoints, then removes it; a removed network takes no endpoint', () => {
    const lab = overlayLab();
    const net = lab.a.overnet;
    const ep = net.join(lab.fabric.createNamespace('c1'), { ip: C1 });
    expect(() => net.remove()).toThrow(expect.objectContaining({ code: 'DRIVER_ERR_NETWORK_IN_USE' }));
    net.leave(ep);
    net.remove();
    expect(lab.a.docker.overlays.has(OVERNET.name)).toBe(false);
    expect(() => net.join(lab.fabric.createNamespace('c2'), { ip: C2 })).toThrow(
      expect.objectContaining({ code: 'DRIVER_ERR_NO_SUCH_NETWORK' })
    );
    // The name and the VNI are free again.
    expect(lab.a.docker.overlays.createNetwork({ ...OVERNET }).vni).toBe(4097);
  });

  it('refuses a second network with the same name or VNI, and addresses outside the subnet, with codes', () => {
    const lab = overlayLab();
    const overlays = lab.a.docker.overlays;
    expect(() => overlays.createNetwork({ ...OVERNET, vni: 4098 })).toThrow(
      expect.objectContaining({ code: 'DRIVER_ERR_NETWORK_EXISTS' })
    );
    expect(() => overlays.createNetwork({ name: 'other', vni: 4097, subnet: '10.0.2.0/24' })).toThrow(
      expect.objectContaining({
        code: 'DRIVER_ERR_NETWORK_EXISTS',
        type: expect.objectContaining({ network: 'overnet' })
      })
    );
    expect(() => overlays.network('nope')).toThrow(DriverError);
    expect(() => lab.a.overnet.join(lab.fabric.createNamespace('c'), { ip: '10.0.2.3' })).toThrow(
      expect.objectContaining({ code: 'DRIVER_ERR_NOT_IN_SUBNET' })
    );
    expect(() => lab.a.overnet.addPeer('10.0.2.4', macFromIpv4('10.0.2.4'), UNDERLAY.b)).toThrow(
      expect.objectContaining({ code: 'DRIVER_ERR_NOT_IN_SUBNET' })
    );
    // Refused before anything was built.
    expect(lab.a.overnet.namespace).toBeUndefined();
  });
});
