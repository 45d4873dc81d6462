import { describe, expect, it } from 'vitest';
import {
  decodeEthernet,
  decodeIcmp,
  decodeIpv4,
  decodeUdp,
  decodeVxlan,
  encodeEthernet,
  encodeVxlan,
  EtherType,
  IpProtocol,
  macFromIpv4
} from '@swarmsim/packet';
import { NetmodelError } from '../../src/index.js';
import { OverlayLab, UNDERLAY, VNI, type Captured } from './overlay-harness.js';

/** Two nodes, one overlay (10.0.1.0/24, VNI 4097), c1 = 10.0.1.3 on a, c2 = 10.0.1.4 on b, peers programmed. */
function twoNodes() {
  const lab = new OverlayLab();
  const vxA = lab.addOverlay(lab.a, VNI, '10.0.1.1/24');
  const vxB = lab.addOverlay(lab.b, VNI, '10.0.1.1/24');
  const c1 = lab.addContainer(lab.a, VNI, 'c1', '10.0.1.3');
  const c2 = lab.addContainer(lab.b, VNI, 'c2', '10.0.1.4');
  lab.addPeer(lab.a, VNI, '10.0.1.4', UNDERLAY.b);
  lab.addPeer(lab.b, VNI, '10.0.1.3', UNDERLAY.a);
  return { lab, vxA, vxB, c1, c2 };
}

/** The VXLAN datagrams among captured underlay frames, decoded layer by layer. */
function vxlanFrames(captured: Captured[]) {
  return captured.flatMap(({ frame, direction }) => {
    const eth = decodeEthernet(frame);
    if (eth.etherType !== EtherType.IPv4) return [];
    const ip = decodeIpv4(eth.payload);
    if (ip.protocol !== IpProtocol.UDP) return [];
    const udp = decodeUdp(ip.payload, ip.src, ip.dst);
    const vxlan = decodeVxlan(udp.payload);
    const inner = decodeEthernet(vxlan.payload);
    return [{ direction, frame, eth, ip, udp, vxlan, inner }];
  });
}

describe('VXLAN between two nodes', () => {
  it('carries a ping from a container on one node to one on the other as Ethernet/IPv4/UDP 4789/VXLAN', async () => {
    const { lab, vxA, vxB, c1 } = twoNodes();
    const done = c1.icmp.ping('10.0.1.4');
    lab.clock.tick(1000);
    const result = await done;
    expect(result.received).toBe(1);

    const [request, reply] = vxlanFrames(lab.a.eth0);
    expect(vxlanFrames(lab.a.eth0)).toHaveLength(2);
    expect(request!.direction).toBe('tx');
    expect(request!.eth.src).toBe(lab.a.host.interface('eth0').mac);
    expect(request!.eth.dst).toBe(lab.b.host.interface('eth0').mac);
    // Outer IPv4: the node's own address (route source, no `local`), TTL auto = 64, DF unset (VXLAN_DF_UNSET).
    expect(request!.ip).toMatchObject({ src: UNDERLAY.a, dst: UNDERLAY.b, ttl: 64, dontFragment: false, tos: 0 });
    expect(request!.udp.dstPort).toBe(4789);
    expect(request!.udp.srcPort).toBeGreaterThanOrEqual(32768);
    expect(request!.udp.srcPort).toBeLessThan(60999);
    // The checksum is computed (udpcsum is the kernel default) and decodeUdp verified it.
    expect((request!.frame[14 + 20 + 6]! << 8) | request!.frame[14 + 20 + 7]!).not.toBe(0);
    expect(request!.frame[14 + 20 + 8]).toBe(0x08);
    expect(request!.vxlan.vni).toBe(VNI);
    expect(request!.inner.src).toBe(macFromIpv4('10.0.1.3'));
    expect(request!.inner.dst).toBe(macFromIpv4('10.0.1.4'));
    const innerIp = decodeIpv4(request!.inner.payload);
    expect(innerIp).toMatchObject({ src: '10.0.1.3', dst: '10.0.1.4', protocol: IpProtocol.ICMP });
    expect(decodeIcmp(innerIp.payload).kind).toBe('echo-request');

    expect(reply!.direction).toBe('rx');
    expect(reply!.ip).toMatchObject({ src: UNDERLAY.b, dst: UNDERLAY.a });
    expect(decodeIcmp(decodeIpv4(reply!.inner.payload).payload).kind).toBe('echo-reply');

    // One frame each way on each vxlan0; inner frame bytes, as Linux counts them.
    expect(vxA.counters).toMatchObject({ txPackets: 1, rxPackets: 1, txDropped: 0, txErrors: 0 });
    expect(vxB.counters).toMatchObject({ txPackets: 1, rxPackets: 1 });
    expect(vxA.counters.txBytes).toBe(request!.vxlan.payload.length);
  });

  it('answers ARP from the permanent neighbour entries on vxlan0 (proxy): no ARP crosses the tunnel', async () => {
    const { lab, vxA, vxB, c1 } = twoNodes();
    const done = c1.icmp.ping('10.0.1.4');
    lab.clock.tick(1000);
    await done;
    expect(vxA.stats.proxyArpReplies).toBe(1);
    expect(vxB.stats.proxyArpReplies).toBe(1);
    for (const { inner } of vxlanFrames(lab.a.eth0)) expect(inner.etherType).toBe(EtherType.IPv4);
    // The only ARP on the underlay is the nodes resolving each other's eth0.
    const arps = lab.a.eth0.filter(({ frame }) => decodeEthernet(frame).etherType === EtherType.ARP);
    expect(arps).toHaveLength(2);
  });

  it('sends one flow from one UDP source port, and another flow usually from another', async () => {
    const { lab, c1 } = twoNodes();
    const done = c1.icmp.ping('10.0.1.4', { count: 3, intervalMs: 100 });
    lab.clock.tick(2000);
    expect((await done).received).toBe(3);
    const out = vxlanFrames(lab.a.eth0).filter((f) => f.direction === 'tx');
    expect(out).toHaveLength(3);
    expect(new Set(out.map((f) => f.udp.srcPort)).size).toBe(1);
    const back = vxlanFrames(lab.a.eth0).filter((f) => f.direction === 'rx');
    expect(back[0]!.udp.srcPort).not.toBe(out[0]!.udp.srcPort);
  });

  it('passes the outer packets through the host netfilter OUTPUT and INPUT chains', async () => {
    const { lab, c1 } = twoNodes();
    lab.a.host.netfilter.exec('-A OUTPUT -p udp --dport 4789');
    lab.a.host.netfilter.exec('-A INPUT -p udp --dport 4789');
    const done = c1.icmp.ping('10.0.1.4');
    lab.clock.tick(1000);
    await done;
    expect(lab.a.host.netfilter.rules('filter', 'OUTPUT')[0]!.counters.packets).toBe(1);
    expect(lab.a.host.netfilter.rules('filter', 'INPUT')[0]!.counters.packets).toBe(1);
  });

  it('drops and counts a frame to an unknown overlay MAC without flooding it', () => {
    const { lab, vxA, c1 } = twoNodes();
    const eth0 = c1.interface('eth0');
    const unknown = macFromIpv4('10.0.1.99');
    eth0.transmit(encodeEthernet({ dst: unknown, src: eth0.mac, etherType: 0x88b5, payload: new Uint8Array(46) }));
    // Broadcast and multicast go nowhere either: there is no all-zeros default entry.
    eth0.transmit(
      encodeEthernet({ dst: 'ff:ff:ff:ff:ff:ff', src: eth0.mac, etherType: 0x88b5, payload: new Uint8Array(46) })
    );
    lab.clock.tick(10);
    expect(vxA.stats.noTxTarget).toBe(2);
    expect(vxA.stats.l2Misses).toBe(1);
    expect(vxA.counters).toMatchObject({ txDropped: 2, txPackets: 0 });
    expect(lab.a.eth0).toHaveLength(0);
  });

  it('sends frames without an entry of their own to the all-zeros default entry when there is one', () => {
    const { lab, vxA, c1 } = twoNodes();
    vxA.addFdb('00:00:00:00:00:00', UNDERLAY.b);
    const eth0 = c1.interface('eth0');
    eth0.transmit(
      encodeEthernet({ dst: 'ff:ff:ff:ff:ff:ff', src: eth0.mac, etherType: 0x88b5, payload: new Uint8Array(46) })
    );
    lab.clock.tick(10);
    expect(vxlanFrames(lab.a.eth0)).toHaveLength(1);
    expect(vxA.stats.noTxTarget).toBe(0);
  });

  it('does not answer ARP for an address nobody programmed, and counts the L3 miss', async () => {
    const { lab, vxA, c1 } = twoNodes();
    const done = c1.icmp.ping('10.0.1.99', { waitMs: 1000 });
    lab.clock.tick(5000);
    expect((await done).received).toBe(0);
    expect(vxA.stats.l3Misses).toBe(3);
    expect(lab.a.eth0).toHaveLength(0);
  });

  it('keeps traffic between two containers of one node on br0', async () => {
    const { lab, vxA } = twoNodes();
    const c3 = lab.addContainer(lab.a, VNI, 'c3', '10.0.1.5');
    lab.addContainer(lab.a, VNI, 'c4', '10.0.1.6');
    const done = c3.icmp.ping('10.0.1.6', { count: 2, intervalMs: 100 });
    lab.clock.tick(2000);
    expect((await done).received).toBe(2);
    expect(lab.a.eth0).toHaveLength(0);
    expect(vxA.counters.txPackets).toBe(0);
  });

  it('counts TX errors when there is no route to the VTEP', () => {
    const { lab, vxA, c1 } = twoNodes();
    vxA.addFdb('02:42:0a:00:01:07', '172.31.0.7');
    const eth0 = c1.interface('eth0');
    eth0.transmit(
      encodeEthernet({ dst: '02:42:0a:00:01:07', src: eth0.mac, etherType: 0x88b5, payload: new Uint8Array(46) })
    );
    lab.clock.tick(10);
    expect(vxA.counters).toMatchObject({ txErrors: 1, txPackets: 0 });
  });
});

describe('VXLAN receive', () => {
  function inject(lab: OverlayLab, bytes: Uint8Array): void {
    lab.b.host.udp.bind(0).send(bytes, 4789, UNDERLAY.a);
    lab.clock.tick(10);
  }
  const innerFrame = encodeEthernet({
    dst: macFromIpv4('10.0.1.3'),
    src: macFromIpv4('10.0.1.4'),
    etherType: 0x88b5,
    payload: new Uint8Array(46)
  });

  it('drops and counts a datagram for a VNI with no device', () => {
    const { lab, vxA } = twoNodes();
    inject(lab, encodeVxlan({ vni: 4098, payload: innerFrame }));
    expect(lab.a.host.vxlanSockets.get(4789)!.drops).toEqual({ invalidHeader: 0, vniNotFound: 1 });
    expect(vxA.counters.rxPackets).toBe(0);
  });

  it('drops a header without the I flag or with reserved bits set, as Linux does', () => {
    const { lab, vxA } = twoNodes();
    const noFlag = encodeVxlan({ vni: VNI, payload: innerFrame });
    noFlag[0] = 0;
    const reserved = encodeVxlan({ vni: VNI, payload: innerFrame });
    reserved[7] = 1;
    inject(lab, noFlag);
    inject(lab, reserved);
    inject(lab, new Uint8Array(4));
    expect(lab.a.host.vxlanSockets.get(4789)!.drops).toEqual({ invalidHeader: 3, vniNotFound: 0 });
    expect(vxA.counters.rxPackets).toBe(0);
  });

  it('delivers each VNI to its own network when several overlays share the node', async () => {
    const { lab, c1 } = twoNodes();
    lab.addOverlay(lab.a, 4098, '10.0.2.1/24');
    lab.addOverlay(lab.b, 4098, '10.0.2.1/24');
    const d1 = lab.addContainer(lab.a, 4098, 'd1', '10.0.2.3');
    const d2 = lab.addContainer(lab.b, 4098, 'd2', '10.0.2.4');
    lab.addPeer(lab.a, 4098, '10.0.2.4', UNDERLAY.b);
    lab.addPeer(lab.b, 4098, '10.0.2.3', UNDERLAY.a);
    const one = c1.icmp.ping('10.0.1.4');
    const two = d1.icmp.ping('10.0.2.4');
    lab.clock.tick(1000);
    expect([(await one).received, (await two).received]).toEqual([1, 1]);
    expect(new Set(vxlanFrames(lab.a.eth0).map((f) => f.vxlan.vni))).toEqual(new Set([4097, 4098]));
    expect(d2.interface('eth0').counters.rxPackets).toBe(2);
  });

  it('learns MAC → VTEP from received frames with learning on, and not with learning off', async () => {
    for (const learning of [true, false]) {
      const lab = new OverlayLab();
      lab.addOverlay(lab.a, VNI, '10.0.1.1/24');
      const vxB = lab.addOverlay(lab.b, VNI, '10.0.1.1/24', { learning });
      const c1 = lab.addContainer(lab.a, VNI, 'c1', '10.0.1.3');
      lab.addContainer(lab.b, VNI, 'c2', '10.0.1.4');
      lab.addPeer(lab.a, VNI, '10.0.1.4', UNDERLAY.b);
      // b knows c1's address but not its VTEP: only learning lets its reply go back.
      lab.b.overlays.get(VNI)!.ns.neighbors.addPermanent(vxB, '10.0.1.3', macFromIpv4('10.0.1.3'));
      const done = c1.icmp.ping('10.0.1.4', { waitMs: 1000 });
      lab.clock.tick(2000);
      expect((await done).received).toBe(learning ? 1 : 0);
      const learned = vxB.fdbEntries().find((e) => e.mac === macFromIpv4('10.0.1.3'));
      expect(learned === undefined ? undefined : { dst: learned.dst, permanent: learned.permanent }).toEqual(
        learning ? { dst: UNDERLAY.a, permanent: false } : undefined
      );
      expect(vxB.stats.noTxTarget).toBe(learning ? 0 : 1);
    }
  });

  it('ages learned entries out after 300 s unused, but never a permanent one', async () => {
    const lab = new OverlayLab();
    lab.addOverlay(lab.a, VNI, '10.0.1.1/24');
    const vxB = lab.addOverlay(lab.b, VNI, '10.0.1.1/24');
    const c1 = lab.addContainer(lab.a, VNI, 'c1', '10.0.1.3');
    lab.addContainer(lab.b, VNI, 'c2', '10.0.1.4');
    lab.addPeer(lab.a, VNI, '10.0.1.4', UNDERLAY.b);
    lab.b.overlays.get(VNI)!.ns.neighbors.addPermanent(vxB, '10.0.1.3', macFromIpv4('10.0.1.3'));
    vxB.addFdb('02:42:0a:00:01:09', UNDERLAY.a);
    const done = c1.icmp.ping('10.0.1.4');
    lab.clock.tick(1000);
    await done;
    expect(vxB.fdbEntries()).toHaveLength(2);
    lab.clock.tick(300_000);
    expect(vxB.fdbEntries().map((e) => e.mac)).toEqual(['02:42:0a:00:01:09']);
  });
});

describe('VXLAN device configuration', () => {
  it('refuses a VNI outside 0–16777215 and a second device with the same VNI and port', () => {
    const lab = new OverlayLab();
    for (const vni of [-1, 16_777_216, 1.5]) {
      const err = (() => {
        try {
          lab.a.host.addVxlan('vx', { vni });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(NetmodelError);
      expect((err as NetmodelError).code).toBe('NETMODEL_ERR_BAD_VNI');
    }
    lab.a.host.addVxlan('vx1', { vni: VNI });
    expect(() => lab.a.host.addVxlan('vx2', { vni: VNI })).toThrow(
      expect.objectContaining({ code: 'NETMODEL_ERR_VNI_IN_USE' })
    );
    lab.a.host.addVxlan('vx3', { vni: VNI, port: 8472 });
    expect(() => lab.a.host.addVxlan('vx4', { vni: 1, port: 0 })).toThrow(
      expect.objectContaining({
        code: 'NETMODEL_ERR_BAD_LINK_OPTION',
        type: expect.objectContaining({ option: 'port' })
      })
    );
  });

  it('holds UDP 4789 in the underlay while a device uses it, and frees it with the last one', () => {
    const lab = new OverlayLab();
    const host = lab.a.host;
    host.addVxlan('vx1', { vni: 4097 });
    host.addVxlan('vx2', { vni: 4098 });
    expect(() => host.udp.bind(4789)).toThrow(expect.objectContaining({ code: 'NETMODEL_ERR_ADDRESS_IN_USE' }));
    host.removeInterface('vx1');
    expect(host.vxlanSockets.get(4789)).toBeDefined();
    host.removeInterface('vx2');
    expect(host.vxlanSockets.get(4789)).toBeUndefined();
    expect(() => host.udp.bind(4789).close()).not.toThrow();
  });

  it('refuses a second FDB entry for one MAC unless asked to replace it', () => {
    const lab = new OverlayLab();
    const vx = lab.a.host.addVxlan('vx', { vni: VNI });
    vx.addFdb('02:42:0A:00:01:04', UNDERLAY.b);
    expect(() => vx.addFdb('02:42:0a:00:01:04', '192.168.99.102')).toThrow(
      expect.objectContaining({ code: 'NETMODEL_ERR_FDB_ENTRY_EXISTS' })
    );
    vx.addFdb('02:42:0a:00:01:04', '192.168.99.102', { replace: true });
    expect(vx.fdbEntries().map((e) => [e.mac, e.dst])).toEqual([['02:42:0a:00:01:04', '192.168.99.102']]);
    expect(vx.removeFdb('02:42:0a:00:01:04')).toBe(true);
    expect(vx.fdbEntries()).toEqual([]);
  });

  it('deletes the devices created in a namespace when that namespace goes away', () => {
    const { lab } = twoNodes();
    const overlay = lab.a.overlays.get(VNI)!.ns;
    lab.fabric.deleteNamespace('a');
    expect(() => overlay.interface('vxlan0')).toThrow(
      expect.objectContaining({ code: 'NETMODEL_ERR_NO_SUCH_INTERFACE' })
    );
  });
});
