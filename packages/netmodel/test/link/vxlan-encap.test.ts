import { describe, expect, it } from 'vitest';
import {
  decodeEthernet,
  decodeIpv4,
  encodeEthernet,
  encodeIpv4,
  encodeUdp,
  EtherType,
  IpProtocol,
  macFromIpv4
} from '@swarmsim/packet';
import { flowSourcePort, outerDontFragment, outerTos } from '../../src/link/vxlan-encap.js';
import type { VxlanOptions } from '../../src/index.js';
import { OverlayLab, UNDERLAY, VNI } from './overlay-harness.js';

/** Pings c1 (node a) → c2 (node b) with `options` on a's device; returns the outer frames a sent. */
async function pingWith(options: Partial<VxlanOptions>, remoteVtepOfA: string = UNDERLAY.a) {
  const lab = new OverlayLab();
  if (options.local !== undefined) lab.a.host.addAddress('eth0', `${options.local}/24`);
  lab.addOverlay(lab.a, VNI, '10.0.1.1/24', options);
  lab.addOverlay(lab.b, VNI, '10.0.1.1/24');
  const c1 = lab.addContainer(lab.a, VNI, 'c1', '10.0.1.3');
  lab.addContainer(lab.b, VNI, 'c2', '10.0.1.4');
  lab.addPeer(lab.a, VNI, '10.0.1.4', UNDERLAY.b);
  lab.addPeer(lab.b, VNI, '10.0.1.3', remoteVtepOfA);
  const done = c1.icmp.ping('10.0.1.4', { waitMs: 500 });
  lab.clock.tick(1000);
  const sent = lab.a.eth0
    .filter((c) => c.direction === 'tx' && decodeEthernet(c.frame).etherType === EtherType.IPv4)
    .map((c) => c.frame);
  return { received: (await done).received, sent, lab };
}

function innerIpv4(tos: number, dontFragment: boolean, protocol = IpProtocol.UDP, srcPort = 1000): Uint8Array {
  const payload = encodeUdp({ srcPort, dstPort: 53, payload: new Uint8Array(4) }, '10.0.1.3', '10.0.1.4');
  const ip = encodeIpv4({
    tos,
    identification: 1,
    dontFragment,
    moreFragments: false,
    fragmentOffset: 0,
    ttl: 64,
    protocol,
    src: '10.0.1.3',
    dst: '10.0.1.4',
    options: new Uint8Array(0),
    payload
  });
  return encodeEthernet({
    dst: macFromIpv4('10.0.1.4'),
    src: macFromIpv4('10.0.1.3'),
    etherType: EtherType.IPv4,
    payload: ip
  });
}

describe('VXLAN encapsulation options', () => {
  it('sends a zero UDP checksum with noudpcsum, which the far end accepts', async () => {
    const { received, sent } = await pingWith({ udpChecksum: false });
    expect(received).toBe(1);
    expect([sent[0]![14 + 20 + 6], sent[0]![14 + 20 + 7]]).toEqual([0, 0]);
  });

  it('takes the outer source from `local`, TTL from `ttl` and sets DF with `df set`', async () => {
    const local = '192.168.99.200';
    const { received, sent } = await pingWith({ local, ttl: 10, df: 'set' }, local);
    expect(received).toBe(1);
    expect(decodeIpv4(decodeEthernet(sent[0]!).payload)).toMatchObject({ src: local, ttl: 10, dontFragment: true });
  });

  it('drops, with learning on, a frame whose source MAC is a permanent entry behind another VTEP', async () => {
    const local = '192.168.99.200';
    const { received, lab } = await pingWith({ local }, UNDERLAY.a);
    expect(received).toBe(0);
    expect(lab.b.overlays.get(VNI)!.vxlan0.stats.entryExists).toBe(1);
  });

  it('inherits DF from the inner IPv4 header with `df inherit`', () => {
    expect(outerDontFragment('inherit', innerIpv4(0, true))).toBe(true);
    expect(outerDontFragment('inherit', innerIpv4(0, false))).toBe(false);
    expect(outerDontFragment('unset', innerIpv4(0, true))).toBe(false);
  });

  it('copies the inner ECN bits to the outer TOS, a CE mark as ECT(0) (RFC 6040)', () => {
    expect(outerTos(innerIpv4(0xb8, true))).toBe(0);
    expect(outerTos(innerIpv4(0x01, true))).toBe(0x01);
    expect(outerTos(innerIpv4(0x03, true))).toBe(0x02);
  });

  it('picks source ports in [32768, 60999), the same for a flow, spread over flows', () => {
    const ports = new Set<number>();
    for (let p = 1000; p < 3000; p++) {
      const port = flowSourcePort(innerIpv4(0, true, IpProtocol.UDP, p));
      expect(port).toBeGreaterThanOrEqual(32768);
      expect(port).toBeLessThan(60999);
      ports.add(port);
    }
    expect(ports.size).toBeGreaterThan(1900);
    expect(flowSourcePort(innerIpv4(0, true))).toBe(flowSourcePort(innerIpv4(0, false)));
  });

  it('hands a frame for its own VTEP straight back to the local device (localbypass), off the wire', () => {
    const lab = new OverlayLab();
    const vx = lab.addOverlay(lab.a, VNI, '10.0.1.1/24');
    const c1 = lab.addContainer(lab.a, VNI, 'c1', '10.0.1.3');
    vx.addFdb(macFromIpv4('10.0.1.8'), UNDERLAY.a);
    const eth0 = c1.interface('eth0');
    eth0.transmit(
      encodeEthernet({ dst: macFromIpv4('10.0.1.8'), src: eth0.mac, etherType: 0x88b5, payload: new Uint8Array(46) })
    );
    lab.clock.tick(10);
    expect(vx.counters).toMatchObject({ txPackets: 1, rxPackets: 1 });
    expect(lab.a.eth0).toHaveLength(0);
  });
});
