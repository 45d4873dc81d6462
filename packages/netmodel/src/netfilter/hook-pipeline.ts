import type { NatManip } from './conntrack/connection.js';
import type { Conntrack } from './conntrack/conntrack.js';
import { trackPacket, type PacketCt } from './conntrack/track-packet.js';
import { applyNat } from './nat/apply-nat.js';
import { translateIcmpError } from './nat/icmp-error.js';
import type { NatRange } from './nat/nat-range.js';
import { nullBinding, setupNat } from './nat/nat-setup.js';
import type { UniqueTupleDeps } from './nat/unique-tuple.js';
import type { PacketStates } from './packet-states.js';
import type { TargetContext } from './rules/modules.js';
import type { Table } from './rules/table.js';
import { applyPolicy, traverse } from './rules/traverse.js';
import type { Hook, NetfilterEnv, NfPacket, TableName, Verdict } from './types.js';

type Step = TableName | 'conntrack' | 'confirm';

// Linux's hook priorities: raw -300, conntrack -200, mangle -150, nat DNAT -100, filter 0, nat SNAT 100,
// conntrack confirm last.
const STEPS: Readonly<Record<Hook, readonly Step[]>> = {
  PREROUTING: ['raw', 'conntrack', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'nat', 'confirm'],
  FORWARD: ['mangle', 'filter'],
  OUTPUT: ['raw', 'conntrack', 'mangle', 'nat', 'filter'],
  POSTROUTING: ['mangle', 'nat', 'confirm']
};

/** Runs the netfilter hooks of one namespace: tables, conntrack and NAT in Linux's order. */
export class HookPipeline {
  private readonly natDeps: UniqueTupleDeps;

  constructor(
    private readonly env: NetfilterEnv,
    private readonly conntrack: Conntrack,
    private readonly tables: Readonly<Record<TableName, Table>>,
    private readonly states: PacketStates
  ) {
    this.natDeps = { conntrack, random: env.random };
  }

  /** The verdict of `hook` on `pkt`. */
  run(hook: Hook, pkt: NfPacket, tracking = true): Verdict {
    if (!tracking) return this.runUntracked(hook, pkt);
    if (hook === 'OUTPUT') this.states.delete(pkt);
    if (hook === 'PREROUTING') this.states.adoptLoopback(pkt);
    const steps = STEPS[hook];
    // A stack that skipped PREROUTING/OUTPUT still gets the packet tracked before the first table looks at it.
    if (!steps.includes('conntrack') && this.track(pkt) === 'DROP') return this.drop(pkt);
    for (const step of steps) if (this.step(step, hook, pkt) === 'DROP') return this.drop(pkt);
    if (hook === 'INPUT') this.states.delete(pkt);
    if (hook === 'POSTROUTING') this.states.release(pkt);
    return 'ACCEPT';
  }

  /** Without conntrack only the tables run (the nat table is empty then: a nat rule enables tracking). */
  private runUntracked(hook: Hook, pkt: NfPacket): Verdict {
    for (const step of STEPS[hook]) {
      if (step === 'conntrack' || step === 'confirm' || step === 'nat') continue;
      if (this.step(step, hook, pkt) === 'DROP') return 'DROP';
    }
    return 'ACCEPT';
  }

  private drop(pkt: NfPacket): Verdict {
    this.states.delete(pkt);
    return 'DROP';
  }

  private step(step: Step, hook: Hook, pkt: NfPacket): Verdict {
    switch (step) {
      case 'conntrack':
        return this.track(pkt);
      case 'confirm': {
        const conn = this.states.get(pkt)?.conn;
        return conn === undefined || this.conntrack.confirm(conn) ? 'ACCEPT' : 'DROP';
      }
      case 'nat':
        return this.nat(hook, pkt);
      default: {
        const table = this.tables[step];
        if (!table.has(hook)) return 'ACCEPT';
        // An empty built-in chain only counts the packet against its policy: no context to build.
        const chain = table.chain(hook);
        if (chain.entries.length === 0) return applyPolicy(chain, pkt);
        return traverse(table, hook, pkt, this.context(step, hook, pkt));
      }
    }
  }

  /** nf_conntrack_in, unless the packet already carries state (loopback). */
  private track(pkt: NfPacket): Verdict {
    if (this.states.get(pkt) !== undefined) return 'ACCEPT';
    const st = trackPacket(this.conntrack, pkt, this.env.clock.now());
    if (st === 'DROP') return 'DROP';
    this.states.set(pkt, st);
    return 'ACCEPT';
  }

  /**
   * nf_nat_inet_fn: the nat table decides only for the first packet of a connection (per manip type); every
   * packet then gets the recorded mapping, and ICMP errors about the connection are translated inside out.
   */
  private nat(hook: Hook, pkt: NfPacket): Verdict {
    const st = this.states.get(pkt);
    const conn = st?.conn;
    if (st === undefined || conn === undefined) return 'ACCEPT';
    const manip: NatManip = hook === 'PREROUTING' || hook === 'OUTPUT' ? 'dst' : 'src';
    if (st.state === 'RELATED') {
      translateIcmpError(pkt, conn, st.dir, manip);
      return 'ACCEPT';
    }
    if (st.state === 'NEW' && !conn.natDone(manip)) {
      const nat = this.tables.nat;
      const verdict = nat.has(hook) ? traverse(nat, hook, pkt, this.context('nat', hook, pkt)) : 'ACCEPT';
      if (verdict === 'DROP') return 'DROP';
      if (!conn.natDone(manip)) nullBinding(conn, manip, this.natDeps);
    }
    applyNat(pkt, conn, st.dir, manip);
    return 'ACCEPT';
  }

  private context(table: TableName, hook: Hook, pkt: NfPacket): TargetContext {
    const st: PacketCt | undefined = this.states.get(pkt);
    const now = this.env.clock.now();
    return {
      hook,
      table,
      env: this.env,
      ctState: st?.state ?? 'INVALID',
      get conntrack() {
        return st?.conn?.snapshot(now);
      },
      nat: (manip: NatManip, range: NatRange, masqueradeIf?: string): Verdict => {
        const conn = st?.conn;
        if (conn === undefined) return 'ACCEPT';
        setupNat(conn, manip, range, this.natDeps);
        if (masqueradeIf !== undefined) conn.masqueradeIf = masqueradeIf;
        return 'ACCEPT';
      }
    };
  }
}
