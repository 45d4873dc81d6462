import { describe, it, expect } from 'vitest';
import { seededRandom } from '@swarmsim/interface';
import { ManualClock } from '@swarmsim/clock';
import { RecordStore, dnsResolver } from '../src/index.js';
import { decode, ips, query, setup, swarmStore } from './helpers.js';

const FRONT = { networks: ['net-front'] };

/** A dnsrr service with `n` tasks on network `n1`. */
function bigService(n: number): RecordStore {
  const store = new RecordStore();
  store.addNetwork({ id: 'n1', name: 'big' });
  for (let i = 0; i < n; i++) {
    store.setEndpoint('n1', `ep${i}`, {
      name: `many.${i + 1}.t${i}`,
      ip: `10.1.${i >> 8}.${(i & 0xff) + 1}`,
      service: { id: 's', name: 'many' }
    });
  }
  return store;
}

describe('response format (FIDELITY §5.3)', () => {
  it('gives every local answer TTL 600 and echoes id, question and RD with RA set', async () => {
    const { resolver } = setup(swarmStore());
    const reply = decode(await resolver.resolve(query('tasks.web', 'A', { id: 777 }), FRONT));
    expect(reply.id).toBe(777);
    expect(reply.type).toBe('response');
    expect(reply.flag_rd && reply.flag_ra).toBe(true);
    expect(reply.flag_aa).toBe(false);
    expect(reply.questions).toEqual([{ name: 'tasks.web', type: 'A', class: 'IN' }]);
    expect(reply.answers!.map((a) => ('ttl' in a ? a.ttl : undefined))).toEqual([600, 600, 600]);
  });

  it('shuffles A records per query with the seeded RNG: same seed, same orders', async () => {
    const orders = async (seed: number): Promise<string[]> => {
      const resolver = dnsResolver()({ clock: new ManualClock(), store: swarmStore(), random: seededRandom(seed) });
      const out: string[] = [];
      for (let i = 0; i < 12; i++) out.push(ips(decode(await resolver.resolve(query('tasks.web'), FRONT))).join(','));
      return out;
    };
    const first = await orders(11);
    expect(await orders(11)).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
    for (const order of first) expect(order.split(',').sort()).toEqual(['10.0.1.3', '10.0.1.4', '10.0.1.5']);
  });

  it('de-duplicates addresses held twice (two endpoints with one IP during a transition)', async () => {
    const store = swarmStore();
    store.setEndpoint('net-front', 'ep-api-stale', {
      name: 'api.1.old',
      ip: '10.0.1.10',
      service: { id: 'svc-api', name: 'api' }
    });
    const { resolver } = setup(store);
    expect(ips(decode(await resolver.resolve(query('api'), FRONT))).sort()).toEqual(['10.0.1.10', '10.0.1.11']);
  });

  it('looks names up case-insensitively and answers with the name as asked', async () => {
    const { resolver } = setup(swarmStore());
    const reply = decode(await resolver.resolve(query('Tasks.WEB'), FRONT));
    expect(ips(reply)).toHaveLength(3);
    expect(reply.answers![0]!.name).toBe('Tasks.WEB');
    expect(reply.questions![0]!.name).toBe('Tasks.WEB');
    expect(ips(decode(await resolver.resolve(query('WEB.Front'), FRONT)))).toEqual(['10.0.1.2']);
  });

  it('truncates UDP answers over 512 bytes and sets TC', async () => {
    const { resolver } = setup(bigService(60));
    const bytes = await resolver.resolve(query('tasks.many'), { networks: ['n1'] });
    const reply = decode(bytes);
    expect(bytes!.length).toBeLessThanOrEqual(512);
    expect(reply.flag_tc).toBe(true);
    // As many whole records as fit: header + question, then uncompressed A records (owner name + 14 bytes).
    const nameBytes = 'tasks.many'.length + 2;
    expect(reply.answers).toHaveLength(Math.floor((512 - 12 - (nameBytes + 4)) / (nameBytes + 14)));
  });

  it('answers in full when EDNS0 advertises a larger UDP size, or over TCP', async () => {
    const { resolver } = setup(bigService(60));
    const edns = decode(await resolver.resolve(query('tasks.many', 'A', { udpSize: 4096 }), { networks: ['n1'] }));
    expect(edns.flag_tc).toBe(false);
    expect(edns.answers).toHaveLength(60);
    const tcp = decode(await resolver.resolve(query('tasks.many'), { networks: ['n1'], transport: 'tcp' }));
    expect(tcp.flag_tc).toBe(false);
    expect(tcp.answers).toHaveLength(60);
  });

  it('never lets EDNS0 shrink the limit below 512 bytes', async () => {
    const { resolver } = setup(bigService(20));
    const small = await resolver.resolve(query('tasks.many', 'A', { udpSize: 100 }), { networks: ['n1'] });
    expect(small!.length).toBeGreaterThan(100);
    expect(decode(small).answers!.length).toBeGreaterThan(1);
  });
});
