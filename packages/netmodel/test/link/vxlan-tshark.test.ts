import { describe, expect, it } from 'vitest';
import { PcapWriter } from '@swarmsim/packet';
import { skipTshark, tsharkAvailable, tsharkFields } from '@swarmsim/testkit/tshark';
import { OverlayLab, UNDERLAY, VNI } from './overlay-harness.js';

const FIELDS = [
  'frame.protocols',
  'ip.src',
  'ip.dst',
  'udp.dstport',
  'udp.checksum.status',
  'vxlan.vni',
  'icmp.type',
  'icmp.checksum.status',
  '_ws.malformed'
];

/** A ping across the overlay, with the first node's eth0 written as a classic pcap. */
async function underlayCapture(): Promise<PcapWriter> {
  const lab = new OverlayLab();
  lab.addOverlay(lab.a, VNI, '10.0.1.1/24');
  lab.addOverlay(lab.b, VNI, '10.0.1.1/24');
  const c1 = lab.addContainer(lab.a, VNI, 'c1', '10.0.1.3');
  lab.addContainer(lab.b, VNI, 'c2', '10.0.1.4');
  lab.addPeer(lab.a, VNI, '10.0.1.4', UNDERLAY.b);
  lab.addPeer(lab.b, VNI, '10.0.1.3', UNDERLAY.a);
  const pcap = new PcapWriter({ clock: lab.clock });
  const eth0 = lab.a.host.interface('eth0');
  eth0.tap = (frame) => pcap.write(frame);
  const done = c1.icmp.ping('10.0.1.4');
  lab.clock.tick(1000);
  expect((await done).received).toBe(1);
  return pcap;
}

describe.skipIf(skipTshark)('an underlay capture of the overlay, decoded by tshark', () => {
  it('has tshark when CI is set', () => {
    expect(tsharkAvailable).toBe(true);
  });

  it('shows VXLAN VNI 4097 on UDP 4789 carrying the inner ICMP echo and its reply', async () => {
    const pcap = await underlayCapture();
    const frames = tsharkFields(pcap.toBytes(), FIELDS);
    expect(frames).toHaveLength(pcap.packetCount);
    const vxlan = frames.filter((f) => f['vxlan.vni'] !== '');
    expect(vxlan.map((f) => f['frame.protocols'])).toEqual([
      'eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:icmp:data',
      'eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:icmp:data'
    ]);
    for (const f of vxlan) {
      expect(f['vxlan.vni']).toBe('4097');
      expect(f['udp.dstport']).toBe('4789');
      expect(f['udp.checksum.status']).toBe('1');
      expect(f['icmp.checksum.status']).toBe('1');
      expect(f['_ws.malformed']).toBe('');
    }
    // tshark lists both IPv4 headers in ip.src/ip.dst, the outer one first.
    expect(vxlan.map((f) => [f['ip.src'], f['ip.dst'], f['icmp.type']])).toEqual([
      [`${UNDERLAY.a},10.0.1.3`, `${UNDERLAY.b},10.0.1.4`, '8'],
      [`${UNDERLAY.b},10.0.1.4`, `${UNDERLAY.a},10.0.1.3`, '0']
    ]);
  });
});
