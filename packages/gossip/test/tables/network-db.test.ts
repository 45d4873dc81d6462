import { describe, it, expect } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { defaultConfig, GossipError, type NetworkEvent, type TableEvent } from '../../src/index.js';
import { NetworkDb } from '../../src/tables/network-db.js';

const v = (s: string): Uint8Array => new TextEncoder().encode(s);

function setup(self = 'me'): {
  db: NetworkDb;
  clock: ManualClock;
  changes: string[];
  syncs: string[];
  gone: Set<string>;
} {
  const clock = new ManualClock();
  const changes: string[] = [];
  const syncs: string[] = [];
  const gone = new Set<string>();
  const db = new NetworkDb(self, clock, defaultConfig('lan'), {
    broadcastNetwork: () => {},
    changed: (kind, e) => changes.push(`${kind} ${e.key}@${e.ltime} ${new TextDecoder().decode(e.value)}`),
    isLive: (n) => !gone.has(n),
    isGone: (n) => gone.has(n),
    syncWith: (node, network) => syncs.push(`${node} ${network}`)
  });
  return { db, clock, changes, syncs, gone };
}

const join = (node: string, network: string, ltime: number): NetworkEvent => ({ kind: 'join', node, network, ltime });
const ev = (
  kind: TableEvent['kind'],
  owner: string,
  key: string,
  ltime: number,
  value = 'x',
  reapInMs = 0
): TableEvent => ({
  kind,
  ltime,
  owner,
  network: 'n1',
  table: 't',
  key,
  value: v(value),
  reapInMs
});

function code(fn: () => void): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof GossipError ? err.code : 'other';
  }
  return undefined;
}

describe('NetworkDb', () => {
  it('local writes follow NetworkDB error rules', () => {
    const { db } = setup();
    expect(code(() => db.write('create', 't', 'n1', 'k', v('a')))).toBe('GOSSIP_ERR_NOT_ON_NETWORK');
    db.join('n1');
    db.write('create', 't', 'n1', 'k', v('a'));
    expect(code(() => db.write('create', 't', 'n1', 'k', v('b')))).toBe('GOSSIP_ERR_ENTRY_EXISTS');
    expect(code(() => db.write('update', 't', 'n1', 'nope', v('b')))).toBe('GOSSIP_ERR_ENTRY_NOT_FOUND');
    db.write('delete', 't', 'n1', 'k', v('a'));
    expect(code(() => db.write('delete', 't', 'n1', 'k', v('a')))).toBe('GOSSIP_ERR_ENTRY_NOT_FOUND');
  });

  it('keeps an event only if its ltime is newer than the stored one', () => {
    const { db, changes } = setup();
    db.join('n1');
    db.handleNetworkEvent(join('b', 'n1', 1));
    expect(db.handleTableEvent(ev('create', 'b', 'k', 5, 'five'), false)).toBe(true);
    expect(db.handleTableEvent(ev('update', 'b', 'k', 5, 'tie'), false)).toBe(false);
    expect(db.handleTableEvent(ev('update', 'b', 'k', 4, 'old'), false)).toBe(false);
    expect(db.handleTableEvent(ev('update', 'b', 'k', 6, 'six'), false)).toBe(true);
    expect(changes).toEqual(['create k@5 five', 'update k@6 six']);
    // Witnessing moved the table clock past every event seen.
    expect(db.tableClock.time()).toBeGreaterThan(6);
  });

  it('drops events for a network it is not on, or from an owner not on the network, without relaying', () => {
    const { db, changes } = setup();
    db.handleNetworkEvent(join('b', 'n1', 1));
    expect(db.handleTableEvent(ev('create', 'b', 'k', 1), false)).toBe(false);
    db.join('n1');
    expect(db.handleTableEvent(ev('create', 'stranger', 'k', 1), false)).toBe(false);
    expect(changes).toEqual([]);
    expect(db.queues.get('n1')!.length).toBe(0);
  });

  it('an update for an unknown key is seen as a create; a delete of an unknown key is silent', () => {
    const { db, changes } = setup();
    db.join('n1');
    db.handleNetworkEvent(join('b', 'n1', 1));
    db.handleTableEvent(ev('update', 'b', 'k', 3, 'u'), false);
    db.handleTableEvent(ev('delete', 'b', 'gone', 4, 'x', 60_000), false);
    expect(changes).toEqual(['create k@3 u']);
    // The tombstone still blocks an older create of the deleted key.
    expect(db.handleTableEvent(ev('create', 'b', 'gone', 2), false)).toBe(false);
  });

  it('reaps a tombstone after its reap time, on the reap cycle', () => {
    const { db, clock } = setup();
    db.join('n1');
    db.write('create', 't', 'n1', 'k', v('a'));
    db.write('delete', 't', 'n1', 'k', v('a'));
    clock.tick(30 * 60_000 - 1);
    db.reap();
    expect(db.store.all()).toHaveLength(1);
    clock.tick(1);
    db.reap();
    expect(db.store.all()).toHaveLength(0);
  });

  it('a failed node loses its networks and entries; when its join reappears we bulk-sync with it', () => {
    const { db, changes, syncs, gone } = setup();
    db.join('n1');
    db.handleNetworkEvent(join('b', 'n1', 1));
    db.handleTableEvent(ev('create', 'b', 'k', 1), false);
    gone.add('b');
    db.nodeGone('b');
    expect(changes.at(-1)).toBe('delete k@1 x');
    expect(db.handleNetworkEvent(join('b', 'n1', 1))).toBe(false); // still gone
    gone.delete('b');
    expect(db.handleNetworkEvent(join('b', 'n1', 1))).toBe(true);
    expect(syncs).toEqual(['b n1']);
  });

  it('a network leave removes the leaver’s entries; a stale join cannot undo it', () => {
    const { db, changes } = setup();
    db.join('n1');
    db.handleNetworkEvent(join('b', 'n1', 1));
    db.handleTableEvent(ev('create', 'b', 'k', 1), false);
    expect(db.handleNetworkEvent({ kind: 'leave', node: 'b', network: 'n1', ltime: 2 })).toBe(true);
    expect(db.handleNetworkEvent(join('b', 'n1', 1))).toBe(false);
    expect(changes).toEqual(['create k@1 x', 'delete k@1 x']);
    expect(db.peersOf('n1')).toEqual([]);
  });

  it('bulk sync carries tombstones; events from it are not relayed except long-lived unknown deletes', () => {
    const { db } = setup();
    db.join('n1');
    db.write('create', 't', 'n1', 'a', v('1'));
    db.write('create', 't', 'n1', 'b', v('2'));
    db.write('delete', 't', 'n1', 'b', v('2'));
    const body = db.bulkSync(['n1', 'not-mine'], true);
    expect(body.networks).toEqual(['n1']);
    expect(body.events.map((e) => `${e.kind} ${e.key}`)).toEqual(['create a', 'delete b']);

    const other = setup('other');
    other.db.join('n1');
    other.db.handleNetworkEvent(join('me', 'n1', 1));
    const answer = other.db.applyBulkSync(body);
    expect(answer).toEqual(['n1']);
    // The unknown delete has nearly 30 min left (> 30 min / 6), so it is relayed; the create is not.
    const relayed = other.db.queues.get('n1')!.take(10_000, 10);
    expect(relayed.map((e) => `${e.kind} ${e.key}`)).toEqual(['delete b']);
  });
});

describe('NetworkDb network records', () => {
  it('keeps a network leave for the tombstone time plus five reap cycles, then forgets it', () => {
    const { db, clock } = setup();
    db.handleNetworkEvent(join('b', 'n1', 1));
    db.handleNetworkEvent({ kind: 'leave', node: 'b', network: 'n1', ltime: 2 });
    const keep = 30 * 60_000 + 5 * 5000;
    clock.tick(keep - 1);
    db.reap();
    expect(db.registry.events()).toHaveLength(1);
    clock.tick(1);
    db.reap();
    expect(db.registry.events()).toEqual([]);
  });
});
