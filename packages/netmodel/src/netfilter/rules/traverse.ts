import { inCidr } from '../addr.js';
import type { Hook, NfPacket, Verdict } from '../types.js';
import type { MatchContext, TargetContext } from './modules.js';
import type { AddressSpec, InterfaceSpec, Rule } from './rule.js';
import type { Chain, Table } from './table.js';

function addressMatches(spec: AddressSpec | undefined, ip: string): boolean {
  return spec === undefined || inCidr(ip, spec.cidr) !== spec.invert;
}

// A missing interface compares as the empty name, as the kernel does: `! -i docker0` matches OUTPUT packets.
function interfaceMatches(spec: InterfaceSpec | undefined, name: string | undefined): boolean {
  if (spec === undefined) return true;
  const n = name ?? '';
  const hit = spec.name.endsWith('+') ? n.startsWith(spec.name.slice(0, -1)) : n === spec.name;
  return hit !== spec.invert;
}

/** ip_packet_match plus every `-m` match, in order. */
export function ruleMatches(rule: Rule, pkt: NfPacket, ctx: MatchContext): boolean {
  if (rule.protocol !== 0 && (pkt.ip.protocol === rule.protocol) === rule.invertProtocol) return false;
  if (!addressMatches(rule.source, pkt.ip.src) || !addressMatches(rule.destination, pkt.ip.dst)) return false;
  if (!interfaceMatches(rule.inInterface, pkt.inIf) || !interfaceMatches(rule.outInterface, pkt.outIf)) return false;
  return rule.matches.every((m) => m.module.match(m.state, pkt, ctx));
}

/** Counts `pkt` against a built-in chain's policy and returns the policy. */
export function applyPolicy(root: Chain, pkt: NfPacket): Verdict {
  root.policyCounters.packets++;
  root.policyCounters.bytes += pkt.length;
  return root.policy ?? 'ACCEPT';
}

/**
 * ipt_do_table: runs the packet through the built-in chain of `hook`, following jumps on a stack; RETURN or
 * the end of a user chain pops back, the end of the built-in chain applies its policy. Every rule that
 * matches counts the packet, whatever its target.
 */
export function traverse(table: Table, hook: Hook, pkt: NfPacket, ctx: TargetContext): Verdict {
  const root = table.chain(hook);
  const stack: { chain: Chain; next: number }[] = [];
  let chain = root;
  let next = 0;
  for (;;) {
    const entry = chain.entries[next++];
    const t = entry?.rule.target;
    if (entry !== undefined && !ruleMatches(entry.rule, pkt, ctx)) continue;
    if (entry !== undefined) {
      entry.counters.packets++;
      entry.counters.bytes += pkt.length;
    }
    if (entry !== undefined && t?.kind === 'jump') {
      stack.push({ chain, next });
      chain = table.chain(t.chain);
      next = 0;
    } else if (entry === undefined || (t?.kind === 'verdict' && t.verdict === 'RETURN')) {
      const frame = stack.pop();
      if (frame === undefined) return applyPolicy(root, pkt);
      ({ chain, next } = frame);
    } else if (t?.kind === 'verdict') {
      return t.verdict as Verdict;
    } else if (t?.kind === 'module') {
      const result = t.module.run(t.state, pkt, ctx);
      if (result !== 'CONTINUE') return result;
    }
  }
}
