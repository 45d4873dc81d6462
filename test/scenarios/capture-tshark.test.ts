import { describe, expect, it } from 'vitest';
import dnsPacket from 'dns-packet';
import { PcapWriter } from '@swarmsim/packet';
import { skipTshark, tsharkAvailable, tsharkFields } from '@swarmsim/testkit/tshark';
import { TestLan } from '../helpers/test-lan.js';

const FIELDS = [
  'frame.protocols',
  'ip.src',
  'ip.dst',
  'ip.checksum.status',
  'icmp.type',
  'icmp.checksum.status',
  'udp.checksum.status',
  'tcp.checksum.status',
  'tcp.flags.str',
  'tcp.options.mss_val',
  'arp.opcode',
  '_ws.malformed',
  '_ws.expert.severity'
];

/** c1 pings 8.8.8.8 and sends a UDP query; a LAN client talks TCP to web through -p 8080:80. */
function traffic(): { eth0: PcapWriter; veth: PcapWriter } {
  const h = new TestLan();
  const c1 = h.run('c1');
  const web = h.run('web', { publish: [{ hostPort: 8080, containerPort: 80 }] });
  const eth0 = new PcapWriter({ clock: h.clock });
  const veth = new PcapWriter({ clock: h.clock });
  h.host.interface('eth0').tap = (f) => eth0.write(f);
  h.host.interface(c1.hostVeth).tap = (f) => veth.write(f);
  void c1.ns.icmp.ping('8.8.8.8');
  const dns = h.internet.udp.bind(53, '8.8.8.8');
  dns.on('message', (data, remote) => {
    const query = dnsPacket.decode(Buffer.from(data));
    const answer = dnsPacket.encode({
      id: query.id,
      type: 'response',
      flags: dnsPacket.RECURSION_DESIRED,
      questions: query.questions,
      answers: [{ type: 'A', name: 'example.com', ttl: 600, data: '93.184.216.34' }]
    });
    dns.send(answer, remote.port, remote.address);
  });
  const query = dnsPacket.encode({
    id: 7,
    type: 'query',
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: 'A', name: 'example.com' }]
  });
  c1.ns.udp.bind().send(query, 53, '8.8.8.8');
  web.ns.tcp.listen('0.0.0.0', 80, (conn) => conn.on('data', (d) => conn.write(d)));
  const client = h.internet.tcp.connect('192.168.99.1', '192.168.99.100', 8080);
  client.on('connect', () => client.write(new Uint8Array(3000).fill(7)));
  h.clock.tick(2000);
  return { eth0, veth };
}

describe.skipIf(skipTshark)('captures of the stack, decoded by tshark', () => {
  it('has tshark when CI is set', () => {
    expect(tsharkAvailable).toBe(true);
  });

  it('decodes every frame the stack put on eth0 and a veth with good checksums and nothing malformed', () => {
    const { eth0, veth } = traffic();
    for (const capture of [eth0, veth]) {
      const frames = tsharkFields(capture.toBytes(), FIELDS);
      expect(frames.length).toBe(capture.packetCount);
      for (const f of frames) {
        expect(f['_ws.malformed'], f['frame.protocols']).toBe('');
        // Wireshark expert severities: 0x600000 (6291456) = warning, 0x800000 (8388608) = error; chat/note are fine.
        expect(f['_ws.expert.severity'] ?? '', f['frame.protocols']).not.toMatch(/6291456|8388608/);
        for (const field of [
          'ip.checksum.status',
          'icmp.checksum.status',
          'udp.checksum.status',
          'tcp.checksum.status'
        ]) {
          if (f[field] !== '') expect(f[field], `${field} of ${f['frame.protocols']}`).toBe('1');
        }
      }
    }
  });

  it('shows the NAT to an outside decoder: the container address on the veth, the host address on eth0', () => {
    const { eth0, veth } = traffic();
    const outside = tsharkFields(eth0.toBytes(), FIELDS);
    const inside = tsharkFields(veth.toBytes(), FIELDS);
    const echoOut = outside.find((f) => f['icmp.type'] === '8' && f['ip.dst'] === '8.8.8.8');
    const echoIn = inside.find((f) => f['icmp.type'] === '8' && f['ip.dst'] === '8.8.8.8');
    expect(echoIn?.['ip.src']).toBe('172.17.0.2');
    expect(echoOut?.['ip.src']).toBe('192.168.99.100');
    const syn = outside.find((f) => f['tcp.flags.str']?.includes('S') && !f['tcp.flags.str'].includes('A'));
    expect(syn?.['ip.dst']).toBe('192.168.99.100');
    expect(syn?.['tcp.options.mss_val']).toBe('1460');
    expect(outside.some((f) => f['arp.opcode'] === '1') && outside.some((f) => f['arp.opcode'] === '2')).toBe(true);
  });
});
