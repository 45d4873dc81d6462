import { describe, it, expect } from 'vitest';
import { Rcode } from '../src/index.js';
import { answeringUpstream, decode, ips, query, setup, swarmStore } from './helpers.js';

const FRONT = { networks: ['net-front'] };

describe('what resolves (FIDELITY §5.2)', () => {
  it('answers a vip-mode service name with exactly one A record: the VIP', async () => {
    const { resolver } = setup(swarmStore());
    const reply = decode(await resolver.resolve(query('web'), FRONT));
    expect(reply.rcode).toBe('NOERROR');
    expect(reply.answers).toHaveLength(1);
    expect(reply.answers![0]).toMatchObject({ type: 'A', name: 'web', data: '10.0.1.2', class: 'IN' });
  });

  it('answers a dnsrr service name with every task IP', async () => {
    const { resolver } = setup(swarmStore());
    const reply = decode(await resolver.resolve(query('api'), FRONT));
    expect(ips(reply).sort()).toEqual(['10.0.1.10', '10.0.1.11']);
  });

  it('answers tasks.<svc> with the task IPs in both modes', async () => {
    const { resolver } = setup(swarmStore());
    expect(ips(decode(await resolver.resolve(query('tasks.web'), FRONT))).sort()).toEqual([
      '10.0.1.3',
      '10.0.1.4',
      '10.0.1.5'
    ]);
    expect(ips(decode(await resolver.resolve(query('tasks.api'), FRONT))).sort()).toEqual(['10.0.1.10', '10.0.1.11']);
  });

  it('answers a task container name <svc>.<slot>.<taskID> and a standalone container name with that container IP', async () => {
    const { resolver } = setup(swarmStore());
    expect(ips(decode(await resolver.resolve(query('web.2.task2'), FRONT)))).toEqual(['10.0.1.4']);
    expect(ips(decode(await resolver.resolve(query('db'), { networks: ['net-back'] })))).toEqual(['10.0.2.5']);
  });

  it('answers a service network alias with the VIP and tasks.<alias> with the task IPs', async () => {
    const { resolver } = setup(swarmStore());
    expect(ips(decode(await resolver.resolve(query('www'), FRONT)))).toEqual(['10.0.1.2']);
    expect(ips(decode(await resolver.resolve(query('tasks.www'), FRONT))).sort()).toEqual([
      '10.0.1.3',
      '10.0.1.4',
      '10.0.1.5'
    ]);
  });

  it('answers a container alias held by several containers with every holder IP', async () => {
    const store = swarmStore();
    store.setEndpoint('net-back', 'ep-db2', { name: 'db-replica', ip: '10.0.2.6', aliases: ['database'] });
    const { resolver } = setup(store);
    const reply = decode(await resolver.resolve(query('database'), { networks: ['net-back'] }));
    expect(ips(reply).sort()).toEqual(['10.0.2.5', '10.0.2.6']);
  });

  it('restricts <name>.<network> to that network', async () => {
    const store = swarmStore();
    const web = { id: 'svc-web', name: 'web', vip: '10.0.2.2' };
    store.setEndpoint('net-back', 'ep-web-b1', { name: 'web.1.task1', ip: '10.0.2.3', service: web });
    const upstream = answeringUpstream('203.0.113.9');
    const { resolver } = setup(store, [upstream]);
    const both = { networks: ['net-front', 'net-back'] };
    expect(ips(decode(await resolver.resolve(query('web.back'), both)))).toEqual(['10.0.2.2']);
    expect(ips(decode(await resolver.resolve(query('web.front'), both)))).toEqual(['10.0.1.2']);
    expect(ips(decode(await resolver.resolve(query('tasks.web.back'), both)))).toEqual(['10.0.2.3']);
    // db lives on back only, so db.front is not a local name and goes upstream.
    expect(ips(decode(await resolver.resolve(query('db.front'), both)))).toEqual(['203.0.113.9']);
    expect(upstream.calls).toBe(1);
  });

  it('answers PTR of a container IP with <name>.<network>. and forwards PTR of a VIP', async () => {
    const upstream = answeringUpstream('203.0.113.9');
    const { resolver } = setup(swarmStore(), [upstream]);
    const reply = decode(await resolver.resolve(query('4.1.0.10.in-addr.arpa', 'PTR'), FRONT));
    expect(reply.answers).toHaveLength(1);
    expect(reply.answers![0]).toMatchObject({
      type: 'PTR',
      name: '4.1.0.10.in-addr.arpa',
      ttl: 600,
      data: 'web.2.task2.front'
    });
    expect(upstream.calls).toBe(0);
    await resolver.resolve(query('2.1.0.10.in-addr.arpa', 'PTR'), FRONT);
    expect(upstream.calls).toBe(1);
  });

  it('answers AAAA of an IPv4-only known name with NOERROR and no records, without forwarding', async () => {
    const upstream = answeringUpstream('203.0.113.9');
    const { resolver } = setup(swarmStore(), [upstream]);
    const reply = decode(await resolver.resolve(query('web', 'AAAA'), FRONT));
    expect(reply.rcode).toBe('NOERROR');
    expect(reply.answers).toEqual([]);
    expect(upstream.calls).toBe(0);
  });

  it('answers AAAA with the IPv6 address of a dual-stack container', async () => {
    const store = swarmStore();
    store.setEndpoint('net-back', 'ep-v6', { name: 'v6box', ip: '10.0.2.9', ipv6: 'fd00::9' });
    const { resolver } = setup(store);
    const reply = decode(await resolver.resolve(query('v6box', 'AAAA'), { networks: ['net-back'] }));
    expect(reply.answers![0]).toMatchObject({ type: 'AAAA', data: 'fd00::9' });
  });

  it('answers MX of a known name with NOERROR and no records, and forwards MX of an unknown one', async () => {
    const upstream = answeringUpstream('203.0.113.9', { rcode: Rcode.NXDOMAIN });
    const { resolver } = setup(swarmStore(), [upstream]);
    const known = decode(await resolver.resolve(query('web', 'MX'), FRONT));
    expect(known.rcode).toBe('NOERROR');
    expect(known.answers).toEqual([]);
    expect(upstream.calls).toBe(0);
    expect(decode(await resolver.resolve(query('example.org', 'MX'), FRONT)).rcode).toBe('NXDOMAIN');
    expect(upstream.calls).toBe(1);
  });

  it('never answers SRV locally: it is forwarded', async () => {
    const upstream = answeringUpstream('203.0.113.9', { rcode: Rcode.NXDOMAIN });
    const { resolver } = setup(swarmStore(), [upstream]);
    await resolver.resolve(query('_http._tcp.web', 'SRV'), FRONT);
    expect(upstream.calls).toBe(1);
  });

  it('resolves a name only for a querier that shares its network', async () => {
    const upstream = answeringUpstream('203.0.113.9', { rcode: Rcode.NXDOMAIN });
    const { resolver } = setup(swarmStore(), [upstream]);
    expect(decode(await resolver.resolve(query('db'), FRONT)).rcode).toBe('NXDOMAIN');
    expect(decode(await resolver.resolve(query('web'), { networks: ['net-back'] })).rcode).toBe('NXDOMAIN');
    expect(upstream.calls).toBe(2);
  });

  it('holds no records on the ingress network', async () => {
    const store = swarmStore();
    store.setEndpoint('net-ingress', 'ep-web-1-ing', {
      name: 'web.1.task1',
      ip: '10.255.0.7',
      service: { id: 'svc-web', name: 'web', vip: '10.255.0.2' }
    });
    const upstream = answeringUpstream('203.0.113.9', { rcode: Rcode.NXDOMAIN });
    const { resolver } = setup(store, [upstream]);
    const ingressOnly = { networks: ['net-ingress'] };
    expect(decode(await resolver.resolve(query('web'), ingressOnly)).rcode).toBe('NXDOMAIN');
    expect(decode(await resolver.resolve(query('7.0.255.10.in-addr.arpa', 'PTR'), ingressOnly)).rcode).toBe('NXDOMAIN');
    // With the overlay attached too, the overlay VIP answers, never the ingress one.
    expect(ips(decode(await resolver.resolve(query('web'), { networks: ['net-ingress', 'net-front'] })))).toEqual([
      '10.0.1.2'
    ]);
  });

  it('prefers user overlays over local networks whatever order the querier lists them in', async () => {
    const store = swarmStore();
    store.setEndpoint('net-gw', 'gateway_web1', { name: 'web', ip: '172.18.0.3' });
    const { resolver } = setup(store);
    const reply = decode(await resolver.resolve(query('web'), { networks: ['net-gw', 'net-front'] }));
    expect(ips(reply)).toEqual(['10.0.1.2']);
    expect(ips(decode(await resolver.resolve(query('web'), { networks: ['net-gw'] })))).toEqual(['172.18.0.3']);
  });

  it('drops disabled (weight-0) tasks from answers while the VIP stays until the last task leaves', async () => {
    const store = swarmStore();
    const web = store.endpoint('net-front', 'ep-web-1')!;
    store.setEndpoint('net-front', 'ep-web-1', { ...web, disabled: true });
    const upstream = answeringUpstream('203.0.113.9', { rcode: Rcode.NXDOMAIN });
    const { resolver } = setup(store, [upstream]);
    expect(ips(decode(await resolver.resolve(query('tasks.web'), FRONT))).sort()).toEqual(['10.0.1.4', '10.0.1.5']);
    expect(decode(await resolver.resolve(query('web.1.task1'), FRONT)).rcode).toBe('NXDOMAIN');
    for (const ep of ['ep-web-2', 'ep-web-3']) store.removeEndpoint('net-front', ep);
    expect(ips(decode(await resolver.resolve(query('web'), FRONT)))).toEqual(['10.0.1.2']);
    store.removeEndpoint('net-front', 'ep-web-1');
    expect(decode(await resolver.resolve(query('web'), FRONT)).rcode).toBe('NXDOMAIN');
  });
});
