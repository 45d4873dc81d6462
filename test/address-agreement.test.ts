import { describe, expect, it } from 'vitest';
import { Ipam, IpamError } from '@swarmsim/addr';
import { ConfigErrors, parseClusterConfig } from '@swarmsim/config';
import { DnsError, RecordStore } from '@swarmsim/dns';
import { IpvsTable, LbError } from '@swarmsim/lb';
import { Fabric, NetmodelError } from '@swarmsim/netmodel';
import { encodeIpv4, PacketError } from '@swarmsim/packet';
import { ManualClock } from '@swarmsim/clock';

// Issue 8.3: every package that takes an IPv4 address or CIDR from a caller reads it with the one grammar of
// @swarmsim/addr (four decimal octets 0–255 without leading zeros, as Go's net.ParseIP since 1.17, which is
// what Docker uses; no whitespace; prefix 0–32 without leading zeros). Before, lb and dns took `010.0.0.1`,
// and netmodel took `10.0.0.0/08`, which config and IPAM refused.

/** What the text is in that grammar: an address, a CIDR naming a network (host bits clear), or neither. */
type Form = 'address' | 'cidr' | 'neither';

const TABLE: ReadonlyArray<readonly [string, Form]> = [
  ['10.0.0.1', 'address'],
  ['0.0.0.0', 'address'],
  ['255.255.255.255', 'address'],
  ['010.0.0.1', 'neither'],
  ['10.0.0.01', 'neither'],
  ['10.00.0.1', 'neither'],
  ['1.2.3', 'neither'],
  ['1.2.3.4.5', 'neither'],
  ['1.2.3.', 'neither'],
  ['.1.2.3', 'neither'],
  ['1..2.3', 'neither'],
  ['256.0.0.1', 'neither'],
  ['1.2.3.1000', 'neither'],
  [' 1.2.3.4', 'neither'],
  ['1.2.3.4 ', 'neither'],
  ['1.2.3.4\n', 'neither'],
  ['0x0a.0.0.1', 'neither'],
  ['+1.2.3.4', 'neither'],
  ['1.2.3.-4', 'neither'],
  ['１.2.3.4', 'neither'],
  ['', 'neither'],
  ['::1', 'neither'],
  ['0.0.0.0/0', 'cidr'],
  ['10.0.0.0/8', 'cidr'],
  ['192.168.0.0/16', 'cidr'],
  ['1.2.3.4/033', 'neither'],
  ['1.2.3.4/33', 'neither'],
  ['10.0.0.0/08', 'neither'],
  ['010.0.0.0/8', 'neither'],
  ['10.0.0.0/', 'neither'],
  ['10.0.0.0/ 8', 'neither'],
  ['10.0.0.0/+8', 'neither'],
  ['10.0.0.0/8/8', 'neither'],
  ['10.0.0.0/-1', 'neither'],
  ['fd00::/64', 'neither']
];

type Verdict = 'accepted' | 'refused';

/** Runs `fn`: 'accepted' when it returns, 'refused' when it throws `errorClass` with `code`; anything else fails. */
function verdict(fn: () => unknown, errorClass: new (...args: never[]) => Error, code: string): Verdict {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(errorClass);
    expect((err as { code?: string }).code).toBe(code);
    return 'refused';
  }
}

/** parseClusterConfig on a one-manager file; 'refused' when the error is `code` at `path`, and it is the only one. */
function configVerdict(config: Record<string, unknown>, path: string, code: string): Verdict {
  try {
    // JSON is YAML: JSON.stringify keeps whitespace and newlines of the value exactly.
    parseClusterConfig(JSON.stringify(config), { file: 'agreement.yaml' });
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigErrors);
    expect((err as ConfigErrors).errors.map((e) => [e.code, e.type.path])).toEqual([[code, path]]);
    return 'refused';
  }
}

const manager = { name: 'node-1', role: 'manager' };

/** Every public entry point that reads an IPv4 address or CIDR, and which of the forms it takes. */
const ENTRY_POINTS: ReadonlyArray<{ name: string; takes: readonly Form[]; run: (text: string) => Verdict }> = [
  {
    // hostAddress, not underlayIp: an underlay address must also be a host of the underlay subnet, a rule about
    // where the address is rather than how it is written.
    name: 'config: nodes[].hostAddress (address)',
    takes: ['address'],
    run: (text) =>
      configVerdict(
        { nodes: [{ ...manager, hostAddress: text }] },
        'nodes[0].hostAddress',
        'CONFIG_ERR_INVALID_ADDRESS'
      )
  },
  {
    name: 'config: defaultAddressPools[].base (CIDR)',
    takes: ['cidr'],
    run: (text) =>
      configVerdict(
        { nodes: [manager], defaultAddressPools: [{ base: text, size: 24 }] },
        'defaultAddressPools[0].base',
        'CONFIG_ERR_INVALID_CIDR'
      )
  },
  {
    name: 'IPAM: Ipam.requestPool subnet (CIDR)',
    takes: ['cidr'],
    run: (text) =>
      verdict(() => new Ipam().requestPool({ scope: 'local', subnet: text }), IpamError, 'IPAM_ERR_INVALID_CIDR')
  },
  {
    name: 'IPAM: Ipam.requestAddress ip (address)',
    takes: ['address'],
    run: (text) => {
      const ipam = new Ipam();
      const pool = ipam.requestPool({ scope: 'local' });
      // An address that parses but lies outside the pool's 172.17.0.0/16 is past the grammar: accepted here.
      const outside = () => {
        try {
          ipam.requestAddress(pool.id, { ip: text });
        } catch (err) {
          if (!(err instanceof IpamError && err.code === 'IPAM_ERR_ADDRESS_OUT_OF_RANGE')) throw err;
        }
      };
      return verdict(outside, IpamError, 'IPAM_ERR_INVALID_ADDRESS');
    }
  },
  {
    name: 'netmodel: Namespace.addAddress (ip addr add: address[/len])',
    takes: ['address', 'cidr'],
    run: (text) => {
      const ns = new Fabric({ clock: new ManualClock() }).createNamespace('host');
      ns.addEther('eth0');
      return verdict(() => ns.addAddress('eth0', text), NetmodelError, 'NETMODEL_ERR_BAD_ADDRESS');
    }
  },
  {
    name: 'lb: IpvsTable.addService vip (address)',
    takes: ['address'],
    run: (text) => {
      const ipvs = new IpvsTable({ clock: new ManualClock() });
      return verdict(
        () => ipvs.addService({ vip: text, protocol: 'tcp', port: 80 }),
        LbError,
        'LB_ERR_INVALID_ADDRESS'
      );
    }
  },
  {
    name: 'lb: IpvsTable.addServer ip (address)',
    takes: ['address'],
    run: (text) => {
      const ipvs = new IpvsTable({ clock: new ManualClock() });
      const svc = ipvs.addService({ fwmark: 256 });
      return verdict(
        () => ipvs.addServer(svc, { ip: text, weight: 1, forward: 'masq' }),
        LbError,
        'LB_ERR_INVALID_ADDRESS'
      );
    }
  },
  {
    name: 'dns: RecordStore.setEndpoint ip (address)',
    takes: ['address'],
    run: (text) => {
      const store = new RecordStore();
      store.addNetwork({ id: 'n1', name: 'one' });
      return verdict(
        () => store.setEndpoint('n1', 'e1', { name: 'c1', ip: text }),
        DnsError,
        'DNS_ERR_INVALID_ADDRESS'
      );
    }
  },
  {
    name: 'dns: RecordStore.setEndpoint service.vip (address)',
    takes: ['address'],
    run: (text) => {
      const store = new RecordStore();
      store.addNetwork({ id: 'n1', name: 'one' });
      const record = { name: 'c1', ip: '10.0.0.2', service: { id: 's1', name: 'web', vip: text } };
      return verdict(() => store.setEndpoint('n1', 'e1', record), DnsError, 'DNS_ERR_INVALID_ADDRESS');
    }
  },
  {
    name: 'packet: encodeIpv4 src (address)',
    takes: ['address'],
    run: (text) =>
      verdict(
        () =>
          encodeIpv4({
            tos: 0,
            identification: 1,
            dontFragment: true,
            moreFragments: false,
            fragmentOffset: 0,
            ttl: 64,
            protocol: 17,
            src: text,
            dst: '10.0.0.2',
            options: new Uint8Array(0),
            payload: new Uint8Array(0)
          }),
        PacketError,
        'PACKET_ERR_BAD_ADDRESS'
      )
  }
];

describe('IPv4 / CIDR grammar: every entry point agrees (issue 8.3)', () => {
  it.each(TABLE)('%j (%s)', (text, form) => {
    const got = ENTRY_POINTS.map((e) => [e.name, e.run(text)]);
    const want = ENTRY_POINTS.map((e) => [e.name, e.takes.includes(form) ? 'accepted' : 'refused']);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });
});
