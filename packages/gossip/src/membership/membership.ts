import type { Clock } from '@swarmsim/interface';
import type { GossipConfig } from '../config.js';
import { suspicionTimeout } from '../config.js';
import type { MemberStateName, MemberUpdate } from '../wire/messages.js';
import { Awareness } from './awareness.js';
import { Suspicion } from './suspicion.js';

/** What the membership knows of one node. */
export interface Member {
  id: string;
  state: MemberStateName;
  incarnation: number;
  /** Virtual time of the last state change (for gossip-to-the-dead). */
  changedAt: number;
}

/** Membership transitions, named as the public `member:*` events. */
export type MemberTransition = 'join' | 'suspect' | 'alive' | 'dead' | 'left';

/** What the membership needs from its owner. */
export interface MembershipHooks {
  broadcast(update: MemberUpdate): void;
  transition(kind: MemberTransition, member: Member): void;
}

/**
 * SWIM state machine after memberlist's state.go: alive/suspect/dead/left claims ordered by incarnation,
 * suspicion timers, and refutation of claims about ourselves by raising our incarnation.
 */
export class Membership {
  private readonly members = new Map<string, Member>();
  private readonly suspicions = new Map<string, Suspicion>();
  /** True after leave(): claims about us are no longer refuted. */
  leaving = false;
  /** Lifeguard local health: scales this node's probe timing. */
  readonly awareness = new Awareness();

  /** @param self - the local node id */
  constructor(
    readonly self: string,
    private readonly clock: Clock,
    private readonly config: GossipConfig,
    private readonly hooks: MembershipHooks
  ) {
    this.members.set(self, { id: self, state: 'alive', incarnation: 0, changedAt: clock.now() });
  }

  /** This node's own entry. */
  get local(): Member {
    return this.members.get(this.self)!;
  }

  /** One member, or undefined if never heard of. */
  get(id: string): Member | undefined {
    return this.members.get(id);
  }

  /** Every known member (self included), in first-heard order. */
  all(): Member[] {
    return [...this.members.values()];
  }

  /** Members other than self that are alive or suspect. */
  live(): Member[] {
    return this.all().filter((m) => m.id !== this.self && (m.state === 'alive' || m.state === 'suspect'));
  }

  /** memberlist estNumNodes: live nodes including self. */
  size(): number {
    return this.live().length + 1;
  }

  /** A claim in this node's current view, as sent in push-pull. */
  claimOf(m: Member): MemberUpdate {
    return { state: m.state, node: m.id, incarnation: m.incarnation, from: m.state === 'suspect' ? this.self : m.id };
  }

  /** Applies one gossiped claim. */
  apply(u: MemberUpdate): void {
    if (u.state === 'alive') this.alive(u);
    else if (u.state === 'suspect') this.suspect(u);
    else this.dead(u);
  }

  /** memberlist mergeState: a remote "dead" only makes us suspect, so each node still checks for itself. */
  merge(u: MemberUpdate): void {
    this.apply(u.state === 'dead' ? { ...u, state: 'suspect' } : u);
  }

  /** Raises our incarnation above `inc` and announces we are alive. */
  refute(inc: number): void {
    // memberlist refute(): being suspected is a hint that we are the slow one.
    this.awareness.applyDelta(1);
    const local = this.local;
    local.incarnation = Math.max(local.incarnation, inc) + 1;
    this.hooks.broadcast({ state: 'alive', node: this.self, incarnation: local.incarnation, from: this.self });
  }

  /** Graceful leave: announce `left` with our incarnation and stop refuting. */
  leave(): MemberUpdate {
    this.leaving = true;
    const local = this.local;
    local.state = 'left';
    local.changedAt = this.clock.now();
    const u: MemberUpdate = { state: 'left', node: this.self, incarnation: local.incarnation, from: this.self };
    this.hooks.broadcast(u);
    return u;
  }

  /** Local probe failure: suspect `id` at its current incarnation. */
  suspectLocally(id: string): void {
    const m = this.members.get(id);
    if (m === undefined || m.state !== 'alive') return;
    this.suspect({ state: 'suspect', node: id, incarnation: m.incarnation, from: this.self });
  }

  /** Forgets dead/left members whose state is older than `ttlMs`; returns their ids. */
  reap(ttlMs: number): string[] {
    const now = this.clock.now();
    const old = this.all().filter((m) => (m.state === 'dead' || m.state === 'left') && now - m.changedAt >= ttlMs);
    for (const m of old) this.members.delete(m.id);
    return old.map((m) => m.id);
  }

  /** Cancels every suspicion timer (on stop). */
  stop(): void {
    for (const s of this.suspicions.values()) s.cancel();
    this.suspicions.clear();
  }

  private alive(u: MemberUpdate): void {
    if (u.node === this.self) {
      // Someone believes an incarnation of ours newer than we know (e.g. we restarted): outbid it.
      if (u.incarnation > this.local.incarnation && !this.leaving) this.refute(u.incarnation);
      return;
    }
    const m = this.members.get(u.node);
    if (m === undefined) {
      const added: Member = { id: u.node, state: 'alive', incarnation: u.incarnation, changedAt: this.clock.now() };
      this.members.set(u.node, added);
      this.hooks.transition('join', added);
      this.hooks.broadcast(u);
      return;
    }
    if (u.incarnation <= m.incarnation) return;
    const prev = m.state;
    this.set(m, 'alive', u.incarnation);
    this.hooks.transition(prev === 'suspect' || prev === 'alive' ? 'alive' : 'join', m);
    this.hooks.broadcast(u);
  }

  private suspect(u: MemberUpdate): void {
    const m = this.members.get(u.node);
    if (m === undefined || u.incarnation < m.incarnation) return;
    if (m.state === 'suspect') {
      if (u.incarnation === m.incarnation && this.suspicions.get(m.id)?.confirm(u.from)) this.hooks.broadcast(u);
      if (u.incarnation === m.incarnation) return;
    }
    if (m.state === 'dead' || m.state === 'left') return;
    if (u.node === this.self) {
      if (!this.leaving) this.refute(u.incarnation);
      return;
    }
    this.set(m, 'suspect', u.incarnation);
    this.hooks.transition('suspect', m);
    this.hooks.broadcast(u);
    this.startSuspicion(m, u.from);
  }

  private dead(u: MemberUpdate): void {
    const m = this.members.get(u.node);
    if (m === undefined || u.incarnation < m.incarnation) return;
    if (m.state === 'dead' || m.state === 'left') return;
    if (u.node === this.self) {
      if (!this.leaving) this.refute(u.incarnation);
      return;
    }
    // Only the node itself can say it left; anyone else's claim is a death.
    const state = u.state === 'left' && u.from === u.node ? 'left' : 'dead';
    this.set(m, state, u.incarnation);
    this.hooks.transition(state, m);
    this.hooks.broadcast({ ...u, state });
  }

  private set(m: Member, state: MemberStateName, incarnation: number): void {
    if (state !== 'suspect') {
      this.suspicions.get(m.id)?.cancel();
      this.suspicions.delete(m.id);
    }
    m.state = state;
    m.incarnation = incarnation;
    m.changedAt = this.clock.now();
  }

  private startSuspicion(m: Member, from: string): void {
    this.suspicions.get(m.id)?.cancel();
    const n = this.size();
    // memberlist: expect SuspicionMult-2 confirmations, none when too few other nodes could give them.
    const k = n - 2 < this.config.suspicionMult - 2 ? 0 : this.config.suspicionMult - 2;
    const min = suspicionTimeout(this.config.suspicionMult, n, this.config.probeIntervalMs);
    const max = this.config.suspicionMaxTimeoutMult * min;
    const inc = m.incarnation;
    const onTimeout = (): void => this.dead({ state: 'dead', node: m.id, incarnation: inc, from: this.self });
    this.suspicions.set(m.id, new Suspicion(this.clock, from, k, min, max, onTimeout));
  }
}
