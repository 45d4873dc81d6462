import { describe, it, expect } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { seededRandom } from '@swarmsim/interface';
import { defaultConfig } from '../../src/index.js';
import { Membership } from '../../src/membership/membership.js';
import { Prober } from '../../src/membership/prober.js';
import { Awareness } from '../../src/membership/awareness.js';

function setup(): { clock: ManualClock; m: Membership; p: Prober; sent: string[] } {
  const clock = new ManualClock();
  const sent: string[] = [];
  const m = new Membership('me', clock, defaultConfig('lan'), { broadcast: () => {}, transition: () => {} });
  for (const id of ['b', 'c', 'd', 'e']) m.apply({ state: 'alive', node: id, incarnation: 0, from: id });
  const p = new Prober(clock, defaultConfig('lan'), seededRandom(1), m, {
    ping: (to, seq, target) => sent.push(`ping ${to} ${seq} ${target}`),
    indirectPing: (to, seq, target) => sent.push(`indirect ${to} ${seq} ${target}`),
    ack: (to, seq) => sent.push(`ack ${to} ${seq}`)
  });
  return { clock, m, p, sent };
}

describe('Prober', () => {
  it('a direct ack keeps the target alive and asks nobody else', () => {
    const { clock, m, p, sent } = setup();
    p.probe();
    const [, to, seq] = sent[0]!.split(' ');
    clock.tick(10);
    p.onAck(Number(seq));
    clock.tick(1000);
    expect(sent).toHaveLength(1);
    expect(m.get(to!)!.state).toBe('alive');
  });

  it('no direct ack ⇒ 3 indirect probes; an ack relayed through them keeps the target alive', () => {
    const { clock, m, p, sent } = setup();
    p.probe();
    const [, target, seq] = sent[0]!.split(' ');
    clock.tick(500);
    const indirect = sent.slice(1);
    expect(indirect).toHaveLength(3);
    expect(indirect.every((s) => s.startsWith('indirect') && s.endsWith(` ${seq} ${target}`))).toBe(true);
    p.onAck(Number(seq));
    clock.tick(1000);
    expect(m.get(target!)!.state).toBe('alive');
  });

  it('no ack by the end of the interval ⇒ the target is suspected', () => {
    const { clock, m, p, sent } = setup();
    p.probe();
    const target = sent[0]!.split(' ')[1]!;
    clock.tick(1000);
    expect(m.get(target)!.state).toBe('suspect');
  });

  it('relays an indirect probe and forwards the ack under the requester seq', () => {
    const { p, sent } = setup();
    p.onIndirectPing('b', 77, 'c');
    const mine = Number(sent[0]!.split(' ')[2]);
    p.onAck(mine);
    expect(sent).toEqual([`ping c ${mine} c`, 'ack b 77']);
  });

  it('answers a ping addressed to it and ignores one for somebody else', () => {
    const { p, sent } = setup();
    p.onPing('b', 5, 'me');
    p.onPing('b', 6, 'other');
    expect(sent).toEqual(['ack b 5']);
  });

  it('probes every live member once per round', () => {
    const { clock, p, sent } = setup();
    for (let i = 0; i < 4; i++) {
      p.probe();
      p.onAck(Number(sent.at(-1)!.split(' ')[2]));
      clock.tick(1000);
    }
    expect(sent.map((s) => s.split(' ')[1]).sort()).toEqual(['b', 'c', 'd', 'e']);
  });

  it('Lifeguard awareness: failed probes stretch the interval (ticks inside it do nothing), acks heal it', () => {
    const { clock, m, p, sent } = setup();
    const pings = (): number => sent.filter((x) => x.startsWith('ping')).length;
    // Nobody answers: each failed probe adds 1, so the next probe waits (score + 1) × 1 s before suspecting.
    p.probe();
    clock.tick(1000);
    expect(m.awareness.score).toBe(1);
    p.probe();
    expect(pings()).toBe(2);
    clock.tick(1000);
    p.probe(); // still inside the 2 s interval of the second probe: skipped, as memberlist's ticker skips
    expect(pings()).toBe(2);
    clock.tick(1000);
    expect(m.awareness.score).toBe(2);
    // An answered probe lowers the score again.
    p.probe();
    const seq = Number(
      sent
        .filter((x) => x.startsWith('ping'))
        .at(-1)!
        .split(' ')[2]
    );
    p.onAck(seq);
    expect(m.awareness.score).toBe(1);
  });

  it('refuting a suspicion of ourselves counts against our own health (memberlist refute)', () => {
    const { m } = setup();
    m.apply({ state: 'suspect', node: 'me', incarnation: 0, from: 'b' });
    expect(m.local.incarnation).toBe(1);
    expect(m.awareness.score).toBe(1);
  });
});

describe('Awareness', () => {
  it('clamps to [0, max−1] and scales timeouts by score + 1', () => {
    const a = new Awareness();
    a.applyDelta(-3);
    expect(a.score).toBe(0);
    expect(a.scale(200)).toBe(200);
    a.applyDelta(100);
    // memberlist config.go DefaultLANConfig: AwarenessMaxMultiplier 8; awareness.go keeps 0 <= score < max.
    expect(a.score).toBe(7);
    expect(a.scale(200)).toBe(1600);
  });
});
