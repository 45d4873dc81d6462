import { describe, expect, it } from 'vitest';
import { encodeEthernet, macFromIpv4 } from '@swarmsim/packet';
import { bridgeFdb, ipLink, ipNeigh, vxlanLinkInfo } from '../../src/index.js';
import { OverlayLab, UNDERLAY, VNI } from './overlay-harness.js';

async function pinged() {
  const lab = new OverlayLab();
  const vxA = lab.addOverlay(lab.a, VNI, '10.0.1.1/24');
  lab.addOverlay(lab.b, VNI, '10.0.1.1/24');
  const c1 = lab.addContainer(lab.a, VNI, 'c1', '10.0.1.3');
  lab.addContainer(lab.b, VNI, 'c2', '10.0.1.4');
  lab.addPeer(lab.a, VNI, '10.0.1.4', UNDERLAY.b);
  lab.addPeer(lab.b, VNI, '10.0.1.3', UNDERLAY.a);
  const done = c1.icmp.ping('10.0.1.4');
  lab.clock.tick(1000);
  await done;
  return { lab, vxA, ns: lab.a.overlays.get(VNI)!.ns };
}

describe('views of a VXLAN device', () => {
  it('prints `bridge fdb show dev vxlan0` with the bridge entries and the device’s own (self) entries', async () => {
    const { vxA, ns } = await pinged();
    expect(bridgeFdb(ns, { dev: 'vxlan0' })).toBe(
      `${vxA.mac} master br0 permanent\n` +
        `${macFromIpv4('10.0.1.4')} master br0\n` +
        `${macFromIpv4('10.0.1.4')} dst ${UNDERLAY.b} link-netnsid 0 self permanent\n`
    );
    expect(bridgeFdb(ns)).toContain(
      `${macFromIpv4('10.0.1.4')} dev vxlan0 dst ${UNDERLAY.b} link-netnsid 0 self permanent\n`
    );
  });

  it('prints a learned entry without `permanent`, and no link-netnsid while the device is in its own namespace', () => {
    const lab = new OverlayLab();
    const vx = lab.a.host.addVxlan('vx0', { vni: VNI });
    vx.up = true;
    const frame = encodeEthernet({
      dst: macFromIpv4('10.0.1.5'),
      src: macFromIpv4('10.0.1.4'),
      etherType: 0x88b5,
      payload: new Uint8Array(46)
    });
    vx.receiveEncapsulated(frame, UNDERLAY.b);
    expect(bridgeFdb(lab.a.host, { dev: 'vx0' })).toBe(`02:42:0a:00:01:04 dst ${UNDERLAY.b} self \n`);
  });

  it('shows the permanent neighbour entries the overlay driver programs on vxlan0', async () => {
    const { ns } = await pinged();
    expect(ipNeigh(ns)).toContain(`10.0.1.4 dev vxlan0 lladdr ${macFromIpv4('10.0.1.4')} PERMANENT\n`);
  });

  it('prints `ip link` for vxlan0: MTU 1450, enslaved to br0, state UNKNOWN, link-netnsid of the host', async () => {
    const { vxA, ns } = await pinged();
    expect(ipLink(ns)).toContain(
      `${vxA.ifIndex}: vxlan0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master br0 state UNKNOWN ` +
        `mode DEFAULT group default \n    link/ether ${vxA.mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n`
    );
  });

  it('prints the `ip -d link` vxlan line as iproute2 does: Docker’s device, and one with every option changed', () => {
    const lab = new OverlayLab();
    const docker = lab.a.host.addVxlan('vx-docker', { vni: VNI, proxy: true, l2miss: true, l3miss: true });
    expect(vxlanLinkInfo(docker)).toBe(
      '    vxlan id 4097 srcport 0 0 dstport 4789 ttl auto ageing 300 proxy l2miss l3miss '
    );
    const custom = lab.a.host.addVxlan('vx-custom', {
      vni: 42,
      local: UNDERLAY.a,
      port: 8472,
      learning: false,
      ttl: 10,
      df: 'set',
      udpChecksum: false,
      ageingSeconds: 60,
      localBypass: false
    });
    expect(vxlanLinkInfo(custom)).toBe(
      `    vxlan id 42 local ${UNDERLAY.a} srcport 0 0 dstport 8472 ttl 10 df set ageing 60 nolearning noudp_csum nolocalbypass `
    );
  });
});
