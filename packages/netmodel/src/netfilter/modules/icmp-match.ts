import { icmpTypeCode } from '../conntrack/tuple.js';
import { badRule } from '../errors.js';
import type { MatchModule } from '../rules/modules.js';
import { once, single } from './values.js';

/** Parsed `--icmp-type`: type 255 means any. */
export interface IcmpMatchState {
  readonly type: number;
  readonly codeMin: number;
  readonly codeMax: number;
  readonly invert: boolean;
}

// libipt_icmp's icmp_codes: name, type, code range.
const ICMP_NAMES: readonly (readonly [string, number, number, number])[] = [
  ['any', 255, 0, 255],
  ['echo-reply', 0, 0, 255],
  ['pong', 0, 0, 255],
  ['destination-unreachable', 3, 0, 255],
  ['network-unreachable', 3, 0, 0],
  ['host-unreachable', 3, 1, 1],
  ['protocol-unreachable', 3, 2, 2],
  ['port-unreachable', 3, 3, 3],
  ['fragmentation-needed', 3, 4, 4],
  ['source-route-failed', 3, 5, 5],
  ['network-unknown', 3, 6, 6],
  ['host-unknown', 3, 7, 7],
  ['network-prohibited', 3, 9, 9],
  ['host-prohibited', 3, 10, 10],
  ['TOS-network-unreachable', 3, 11, 11],
  ['TOS-host-unreachable', 3, 12, 12],
  ['communication-prohibited', 3, 13, 13],
  ['host-precedence-violation', 3, 14, 14],
  ['precedence-cutoff', 3, 15, 15],
  ['source-quench', 4, 0, 255],
  ['redirect', 5, 0, 255],
  ['network-redirect', 5, 0, 0],
  ['host-redirect', 5, 1, 1],
  ['TOS-network-redirect', 5, 2, 2],
  ['TOS-host-redirect', 5, 3, 3],
  ['echo-request', 8, 0, 255],
  ['ping', 8, 0, 255],
  ['router-advertisement', 9, 0, 255],
  ['router-solicitation', 10, 0, 255],
  ['time-exceeded', 11, 0, 255],
  ['ttl-exceeded', 11, 0, 255],
  ['ttl-zero-during-transit', 11, 0, 0],
  ['ttl-zero-during-reassembly', 11, 1, 1],
  ['parameter-problem', 12, 0, 255],
  ['ip-header-bad', 12, 0, 0],
  ['required-option-missing', 12, 1, 1],
  ['timestamp-request', 13, 0, 255],
  ['timestamp-reply', 14, 0, 255],
  ['address-mask-request', 17, 0, 255],
  ['address-mask-reply', 18, 0, 255]
];

const ANY: IcmpMatchState = { type: 255, codeMin: 0, codeMax: 255, invert: false };

function parseIcmpType(text: string, invert: boolean): IcmpMatchState {
  const named = ICMP_NAMES.find(([name]) => name.toLowerCase() === text.toLowerCase());
  if (named !== undefined) return { type: named[1], codeMin: named[2], codeMax: named[3], invert };
  const m = /^(\d{1,3})(?:\/(\d{1,3}))?$/.exec(text);
  if (m === null || Number(m[1]) > 255 || Number(m[2] ?? 0) > 255) throw badRule(text, `Invalid ICMP type \`${text}'`);
  const code = m[2] === undefined ? undefined : Number(m[2]);
  return { type: Number(m[1]), codeMin: code ?? 0, codeMax: code ?? 255, invert };
}

/** `-m icmp` (loaded implicitly by `-p icmp --icmp-type …`). */
export const icmpMatch: MatchModule<IcmpMatchState> = {
  name: 'icmp',
  options: { 'icmp-type': 1 },
  parse(state, option, values, invert) {
    once(state, option);
    return parseIcmpType(single(values), invert);
  },
  finish(state, head) {
    if (head.protocol !== 1 || head.invertProtocol) throw badRule('icmp', 'icmp match: only valid for protocol 1');
    return state ?? ANY;
  },
  match(s, pkt) {
    const tc = icmpTypeCode(pkt);
    if (tc === undefined) return false;
    return (s.type === 255 || (tc.type === s.type && tc.code >= s.codeMin && tc.code <= s.codeMax)) !== s.invert;
  },
  print(s, numeric) {
    const named = ICMP_NAMES.find(([, t, lo, hi]) => t === s.type && lo === s.codeMin && hi === s.codeMax);
    if (!numeric && named !== undefined) return ` icmp ${s.invert ? '!' : ''}${named[0]}`;
    let text = ` icmp${s.invert ? ' !' : ''}type ${s.type}`;
    if (s.codeMin === s.codeMax) text += ` code ${s.codeMin}`;
    else if (s.codeMin !== 0 || s.codeMax !== 255) text += ` codes ${s.codeMin}-${s.codeMax}`;
    return text;
  },
  save(s) {
    const inv = s.invert ? ' !' : '';
    if (s.type === 255 && s.codeMin === 0 && s.codeMax === 255) return `${inv} --icmp-type any`;
    const code = s.codeMin !== 0 || s.codeMax !== 255 ? `/${s.codeMin}` : '';
    return `${inv} --icmp-type ${s.type}${code}`;
  }
};
