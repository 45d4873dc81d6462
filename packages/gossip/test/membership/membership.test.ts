import { describe, it, expect } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { defaultConfig, type MemberUpdate } from '../../src/index.js';
import { Membership, type MemberTransition } from '../../src/membership/membership.js';

function setup(): { m: Membership; clock: ManualClock; sent: MemberUpdate[]; events: string[] } {
  const clock = new ManualClock();
  const sent: MemberUpdate[] = [];
  const events: string[] = [];
  const m = new Membership('me', clock, defaultConfig('lan'), {
    broadcast: (u) => sent.push(u),
    transition: (kind: MemberTransition, member) => events.push(`${kind} ${member.id}@${member.incarnation}`)
  });
  return { m, clock, sent, events };
}

const claim = (state: MemberUpdate['state'], node: string, incarnation: number, from = 'x'): MemberUpdate => ({
  state,
  node,
  incarnation,
  from
});

describe('Membership (SWIM rules)', () => {
  it('a new alive node joins and is re-gossiped', () => {
    const { m, sent, events } = setup();
    m.apply(claim('alive', 'b', 0, 'b'));
    expect(events).toEqual(['join b@0']);
    expect(sent).toEqual([claim('alive', 'b', 0, 'b')]);
  });

  it('a suspect claim with an older incarnation is ignored', () => {
    const { m, events } = setup();
    m.apply(claim('alive', 'b', 3, 'b'));
    m.apply(claim('suspect', 'b', 2));
    expect(m.get('b')!.state).toBe('alive');
    expect(events).toEqual(['join b@3']);
  });

  it('suspect, then an alive with a higher incarnation refutes it', () => {
    const { m, events } = setup();
    m.apply(claim('alive', 'b', 1, 'b'));
    m.apply(claim('suspect', 'b', 1));
    m.apply(claim('alive', 'b', 1, 'b'));
    expect(m.get('b')!.state).toBe('suspect');
    m.apply(claim('alive', 'b', 2, 'b'));
    expect(events).toEqual(['join b@1', 'suspect b@1', 'alive b@2']);
  });

  it('an unrefuted suspect is declared dead when its suspicion times out', () => {
    const { m, clock, events } = setup();
    for (const id of ['b', 'c']) m.apply(claim('alive', id, 0, id));
    m.apply(claim('suspect', 'b', 0));
    // 3 nodes: k = 0, so the timeout is the minimum: 4·max(1, log10 3)·1 s.
    clock.tick(3999);
    expect(m.get('b')!.state).toBe('suspect');
    clock.tick(1);
    expect(events.at(-1)).toBe('dead b@0');
  });

  it('refutes a suspicion of itself by raising its incarnation', () => {
    const { m, sent } = setup();
    m.apply(claim('suspect', 'me', 0));
    expect(m.local.incarnation).toBe(1);
    expect(sent.at(-1)).toEqual(claim('alive', 'me', 1, 'me'));
    m.apply(claim('dead', 'me', 1));
    expect(m.local.incarnation).toBe(2);
    expect(m.local.state).toBe('alive');
  });

  it('only the node itself can say it left; anyone else saying so makes it dead', () => {
    const { m, events } = setup();
    m.apply(claim('alive', 'b', 0, 'b'));
    m.apply(claim('alive', 'c', 0, 'c'));
    m.apply(claim('left', 'b', 0, 'b'));
    m.apply(claim('left', 'c', 0, 'b'));
    expect(events.slice(2)).toEqual(['left b@0', 'dead c@0']);
  });

  it('a dead node comes back only with a higher incarnation, as a join', () => {
    const { m, events } = setup();
    m.apply(claim('alive', 'b', 4, 'b'));
    m.apply(claim('dead', 'b', 4));
    m.apply(claim('alive', 'b', 4, 'b'));
    expect(m.get('b')!.state).toBe('dead');
    m.apply(claim('alive', 'b', 5, 'b'));
    expect(events).toEqual(['join b@4', 'dead b@4', 'join b@5']);
  });

  it('merging a remote "dead" only suspects, so the node gets its own chance', () => {
    const { m } = setup();
    m.apply(claim('alive', 'b', 0, 'b'));
    m.merge(claim('dead', 'b', 0));
    expect(m.get('b')!.state).toBe('suspect');
  });

  it('after leave() it announces left and stops refuting', () => {
    const { m, sent } = setup();
    expect(m.leave()).toEqual(claim('left', 'me', 0, 'me'));
    m.apply(claim('dead', 'me', 0));
    expect(sent).toEqual([claim('left', 'me', 0, 'me')]);
  });
});

describe('Membership reaping', () => {
  it('forgets a dead member once its state is older than the reap time, and nobody else', () => {
    const { m, clock } = setup();
    m.apply(claim('alive', 'b', 0, 'b'));
    m.apply(claim('alive', 'c', 0, 'c'));
    m.apply(claim('dead', 'b', 0));
    clock.tick(999);
    expect(m.reap(1000)).toEqual([]);
    clock.tick(1);
    expect(m.reap(1000)).toEqual(['b']);
    expect(m.all().map((x) => x.id)).toEqual(['me', 'c']);
  });
});
