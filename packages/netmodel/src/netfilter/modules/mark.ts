import { badRule } from '../errors.js';
import type { MatchModule, TargetModule } from '../rules/modules.js';
import { noInvert, once, parseUint32, parseValueMask, single } from './values.js';

/** Parsed `-m mark --mark value[/mask]`. */
export interface MarkMatchState {
  readonly mark: number;
  readonly mask: number;
  readonly invert: boolean;
}

function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

/** xtables_print_mark_mask: ` 0x100`, or ` 0x1/0xff` with a mask. */
function markMask(mark: number, mask: number): string {
  return mask >>> 0 === 0xffffffff ? ` ${hex(mark)}` : ` ${hex(mark)}/${hex(mask)}`;
}

/** `-m mark --mark v[/m]`: (skb mark & m) == v. */
export const markMatch: MatchModule<MarkMatchState> = {
  name: 'mark',
  options: { mark: 1 },
  parse(state, option, values, invert) {
    once(state, option);
    const { value, mask } = parseValueMask(single(values));
    return { mark: value, mask, invert };
  },
  finish(state) {
    if (state === undefined) throw badRule('mark', 'mark match: option "--mark" must be specified');
    return state;
  },
  match: (s, pkt) => ((pkt.mark & s.mask) >>> 0 === s.mark) !== s.invert,
  print: (s) => ` mark match${s.invert ? ' !' : ''}${markMask(s.mark, s.mask)}`,
  save: (s) => `${s.invert ? ' !' : ''} --mark${markMask(s.mark, s.mask)}`
};

/** Parsed MARK target (xt_mark_tginfo2): new mark = (mark & ~mask) ^ value. */
export interface MarkTargetState {
  readonly mark: number;
  readonly mask: number;
}

function parseMarkOption(option: string, text: string): MarkTargetState {
  switch (option) {
    case 'set-xmark': {
      const { value, mask } = parseValueMask(text);
      return { mark: value, mask };
    }
    case 'set-mark': {
      // --set-mark v/m zeroes the bits of m and ORs in v.
      const { value, mask } = parseValueMask(text);
      return { mark: value, mask: (mask | value) >>> 0 };
    }
    case 'and-mark':
      return { mark: 0, mask: ~parseUint32(text) >>> 0 };
    case 'or-mark':
      return { mark: parseUint32(text), mask: parseUint32(text) };
    default:
      return { mark: parseUint32(text), mask: 0 };
  }
}

/** `-j MARK --set-mark/--set-xmark/--and-mark/--or-mark/--xor-mark`; allowed in any table (xt_MARK rev 2). */
export const markTarget: TargetModule<MarkTargetState> = {
  name: 'MARK',
  options: { 'set-mark': 1, 'set-xmark': 1, 'and-mark': 1, 'or-mark': 1, 'xor-mark': 1 },
  parse(state, option, values, invert) {
    noInvert(invert, option);
    if (state !== undefined) throw badRule(`--${option}`, 'MARK: only one action allowed');
    return parseMarkOption(option, single(values));
  },
  finish(state) {
    if (state === undefined)
      throw badRule('MARK', 'MARK target: one of the --set-xmark/--{and,or,xor,set}-mark options is required');
    return state;
  },
  run(s, pkt) {
    pkt.mark = ((pkt.mark & ~s.mask) ^ s.mark) >>> 0;
    return 'CONTINUE';
  },
  print(s) {
    if (s.mark === 0) return ` MARK and ${hex(~s.mask >>> 0)}`;
    if (s.mark === s.mask) return ` MARK or ${hex(s.mark)}`;
    if (s.mask === 0) return ` MARK xor ${hex(s.mark)}`;
    if (s.mask === 0xffffffff) return ` MARK set ${hex(s.mark)}`;
    return ` MARK xset ${hex(s.mark)}/${hex(s.mask)}`;
  },
  save: (s) => ` --set-xmark ${hex(s.mark)}/${hex(s.mask)}`
};
