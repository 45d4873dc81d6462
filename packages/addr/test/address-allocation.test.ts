import { describe, expect, it } from 'vitest';
import { Ipam, broadcastAddress, networkAddress } from '../src/index.js';
import { expectIpamError } from './helpers.js';

describe('local (bridge) address allocation: lowest free', () => {
  it('gateway .1, containers .2 then .3, and a released .2 is reused at once', () => {
    const ipam = new Ipam();
    const bridge = ipam.requestPool({ scope: 'local' });
    expect(bridge).toMatchObject({ subnet: '172.17.0.0/16', gateway: '172.17.0.1', serial: false });
    expect(bridge.id).toBe('LocalDefault/172.17.0.0/16');
    expect(ipam.requestAddress(bridge.id)).toBe('172.17.0.2');
    expect(ipam.requestAddress(bridge.id)).toBe('172.17.0.3');
    expect(ipam.releaseAddress(bridge.id, '172.17.0.2')).toBe(true);
    expect(ipam.requestAddress(bridge.id)).toBe('172.17.0.2');
    expect(ipam.requestAddress(bridge.id)).toBe('172.17.0.4');
  });

  it('--subnet 192.168.100.0/24 --gateway .254, static .100, then dynamic from .1', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'local', subnet: '192.168.100.0/24', gateway: '192.168.100.254' });
    expect(pool.gateway).toBe('192.168.100.254');
    expect(ipam.requestAddress(pool.id, { ip: '192.168.100.100' })).toBe('192.168.100.100');
    expect(ipam.requestAddress(pool.id)).toBe('192.168.100.1');
    expect(ipam.requestAddress(pool.id)).toBe('192.168.100.2');
    expect(ipam.inUse(pool.id)).toEqual(['192.168.100.1', '192.168.100.2', '192.168.100.100', '192.168.100.254']);
  });

  it('--ip-range limits dynamic allocation; the default gateway is the first address of the range', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'local', subnet: '172.28.0.0/16', ipRange: '172.28.5.0/30' });
    expect(pool.ipRange).toBe('172.28.5.0/30');
    expect(pool.id).toBe('LocalDefault/172.28.0.0/16/172.28.5.0/30');
    // libnetwork asks the pool for the gateway like any dynamic address, so it comes from the range.
    expect(pool.gateway).toBe('172.28.5.0');
    expect([1, 2, 3].map(() => ipam.requestAddress(pool.id))).toEqual(['172.28.5.1', '172.28.5.2', '172.28.5.3']);
    expect(ipam.available(pool.id)).toBe(0);
    const err = expectIpamError(() => ipam.requestAddress(pool.id), 'IPAM_ERR_NO_AVAILABLE_IPS');
    expect(err).toMatchObject({ poolId: pool.id, subnet: '172.28.0.0/16', ipRange: '172.28.5.0/30' });
    // A static address outside the ip-range but inside the subnet is accepted, as libnetwork does.
    expect(ipam.requestAddress(pool.id, { ip: '172.28.9.9' })).toBe('172.28.9.9');
  });

  it('with --ip-range and --gateway the range starts at its own first address', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({
      scope: 'local',
      subnet: '10.243.0.0/16',
      ipRange: '10.243.3.0/24',
      gateway: '10.243.0.1'
    });
    expect(ipam.requestAddress(pool.id)).toBe('10.243.3.0');
    expect(ipam.requestAddress(pool.id)).toBe('10.243.3.1');
  });

  it('status counts like Docker: reserved addresses are in use, availability is per ip-range', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'local', subnet: '10.8.0.0/24', ipRange: '10.8.0.128/25' });
    expect(pool.gateway).toBe('10.8.0.128');
    // In use: network, broadcast, gateway. Available: the /25 minus the gateway and the broadcast inside it.
    expect(ipam.status(pool.id)).toEqual({ ipsInUse: 3, dynamicIpsAvailable: 128 - 2 });
    ipam.requestAddress(pool.id, { ip: '10.8.0.5' }); // outside the range: in use, availability unchanged
    expect(ipam.status(pool.id)).toEqual({ ipsInUse: 4, dynamicIpsAvailable: 126 });
    expect(ipam.available(pool.id)).toBe(126);
  });

  it('a /30 holds the gateway and exactly one more address', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'local', subnet: '10.9.0.0/30' });
    expect(pool.gateway).toBe('10.9.0.1');
    expect(ipam.requestAddress(pool.id)).toBe('10.9.0.2');
    expectIpamError(() => ipam.requestAddress(pool.id), 'IPAM_ERR_NO_AVAILABLE_IPS');
    expect(ipam.status(pool.id)).toEqual({ ipsInUse: 4, dynamicIpsAvailable: 0 });
  });

  it('/31 and /32 subnets have no reserved network or broadcast address', () => {
    const ipam = new Ipam();
    const p31 = ipam.requestPool({ scope: 'local', subnet: '10.9.1.0/31' });
    expect(p31.gateway).toBe('10.9.1.0');
    expect(ipam.requestAddress(p31.id)).toBe('10.9.1.1');
    const p32 = ipam.requestPool({ scope: 'local', subnet: '10.9.2.7/32' });
    expect(p32.gateway).toBe('10.9.2.7');
    expectIpamError(() => ipam.requestAddress(p32.id), 'IPAM_ERR_NO_AVAILABLE_IPS');
  });

  it('static addresses: in use, network/broadcast and out of range are refused', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'local', subnet: '10.5.0.0/24' });
    ipam.requestAddress(pool.id, { ip: '10.5.0.50' });
    const inUse = expectIpamError(() => ipam.requestAddress(pool.id, { ip: '10.5.0.50' }), 'IPAM_ERR_ADDRESS_IN_USE');
    expect(inUse).toMatchObject({ poolId: pool.id, ip: '10.5.0.50', subnet: '10.5.0.0/24' });
    expectIpamError(() => ipam.requestAddress(pool.id, { ip: pool.gateway }), 'IPAM_ERR_ADDRESS_IN_USE');
    const net = expectIpamError(() => ipam.requestAddress(pool.id, { ip: '10.5.0.0' }), 'IPAM_ERR_ADDRESS_IN_USE');
    expect(net).toMatchObject({ reserved: 'network' });
    const bcast = broadcastAddress(pool.subnet);
    const bcastErr = expectIpamError(() => ipam.requestAddress(pool.id, { ip: bcast }), 'IPAM_ERR_ADDRESS_IN_USE');
    expect(bcastErr).toMatchObject({ reserved: 'broadcast' });
    const outside = { ip: '10.5.1.1' };
    const out = expectIpamError(() => ipam.requestAddress(pool.id, outside), 'IPAM_ERR_ADDRESS_OUT_OF_RANGE');
    expect(out).toMatchObject({ ip: '10.5.1.1', subnet: '10.5.0.0/24' });
    expectIpamError(() => ipam.requestAddress(pool.id, { ip: '10.5.0' }), 'IPAM_ERR_INVALID_ADDRESS');
  });

  it('releasing: unknown addresses are a no-op, network/broadcast stay reserved, outside is refused', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'local', subnet: '10.6.0.0/29' });
    expect(ipam.releaseAddress(pool.id, '10.6.0.5')).toBe(false);
    expect(ipam.releaseAddress(pool.id, networkAddress(pool.subnet))).toBe(false);
    expect(ipam.releaseAddress(pool.id, broadcastAddress(pool.subnet))).toBe(false);
    expect(ipam.isAllocated(pool.id, '10.6.0.0')).toBe(true);
    expectIpamError(() => ipam.releaseAddress(pool.id, '10.6.0.8'), 'IPAM_ERR_ADDRESS_OUT_OF_RANGE');
    expectIpamError(() => ipam.releaseAddress(pool.id, 'nope'), 'IPAM_ERR_INVALID_ADDRESS');
    const all = Array.from({ length: 5 }, () => ipam.requestAddress(pool.id));
    expect(all).toEqual(['10.6.0.2', '10.6.0.3', '10.6.0.4', '10.6.0.5', '10.6.0.6']);
  });

  it('allocates every address of a /16 lowest-first and then reports exhaustion', () => {
    const ipam = new Ipam();
    const pool = ipam.requestPool({ scope: 'local', subnet: '172.30.0.0/16' });
    const capacity = ipam.available(pool.id);
    expect(capacity).toBe(2 ** 16 - 3); // minus network, broadcast, gateway
    let last = '';
    for (let i = 0; i < capacity; i++) last = ipam.requestAddress(pool.id);
    expect(last).toBe('172.30.255.254');
    expectIpamError(() => ipam.requestAddress(pool.id), 'IPAM_ERR_NO_AVAILABLE_IPS');
    ipam.releaseAddress(pool.id, '172.30.128.7');
    expect(ipam.requestAddress(pool.id)).toBe('172.30.128.7');
  });
});

describe('global (swarm) address allocation: serial', () => {
  it('gateway .1, then .2 .3 .4; a released .3 is skipped until wrap-around', () => {
    const ipam = new Ipam();
    ipam.requestPool({ scope: 'global' }); // ingress 10.0.0.0/24
    const net = ipam.requestPool({ scope: 'global' });
    expect(net.gateway).toBe('10.0.1.1');
    expect([1, 2, 3].map(() => ipam.requestAddress(net.id))).toEqual(['10.0.1.2', '10.0.1.3', '10.0.1.4']);
    ipam.releaseAddress(net.id, '10.0.1.3');
    expect(ipam.requestAddress(net.id)).toBe('10.0.1.5');
    expect(ipam.isAllocated(net.id, '10.0.1.3')).toBe(false);
  });

  it('after wrapping, freed addresses are reused in address order', () => {
    const ipam = new Ipam();
    const net = ipam.requestPool({ scope: 'global', subnet: '10.10.0.0/29' }); // .1 gw, .2–.6 usable
    const first = Array.from({ length: 4 }, () => ipam.requestAddress(net.id));
    expect(first).toEqual(['10.10.0.2', '10.10.0.3', '10.10.0.4', '10.10.0.5']);
    ipam.releaseAddress(net.id, '10.10.0.4');
    ipam.releaseAddress(net.id, '10.10.0.2');
    expect(ipam.requestAddress(net.id)).toBe('10.10.0.6'); // still moving forward
    expect(ipam.requestAddress(net.id)).toBe('10.10.0.2'); // wrapped
    expect(ipam.requestAddress(net.id)).toBe('10.10.0.4');
    expectIpamError(() => ipam.requestAddress(net.id), 'IPAM_ERR_NO_AVAILABLE_IPS');
  });

  it('static reservations do not move the serial cursor', () => {
    const ipam = new Ipam();
    const net = ipam.requestPool({ scope: 'global' });
    ipam.requestAddress(net.id, { ip: '10.0.0.100' });
    expect(ipam.requestAddress(net.id)).toBe('10.0.0.2');
    expect(ipam.requestAddress(net.id)).toBe('10.0.0.3');
  });

  it('the policy is a per-pool option', () => {
    const ipam = new Ipam();
    const serialLocal = ipam.requestPool({ scope: 'local', serial: true });
    ipam.requestAddress(serialLocal.id);
    ipam.releaseAddress(serialLocal.id, '172.17.0.2');
    expect(ipam.requestAddress(serialLocal.id)).toBe('172.17.0.3');
    const firstFitGlobal = ipam.requestPool({ scope: 'global', serial: false });
    ipam.requestAddress(firstFitGlobal.id);
    ipam.releaseAddress(firstFitGlobal.id, '10.0.0.2');
    expect(ipam.requestAddress(firstFitGlobal.id)).toBe('10.0.0.2');
  });
});
