import { badRule } from '../errors.js';
import type { MatchModule } from '../rules/modules.js';
import { noInvert, once, single } from './values.js';

/** xtables_save_string: bare when only [A-Za-z0-9_-], else double-quoted with \" \\ \' escaped. */
function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** `-m comment --comment TEXT`: always matches; `iptables -L` shows the text as a C-style comment. */
export const commentMatch: MatchModule<string> = {
  name: 'comment',
  options: { comment: 1 },
  parse(state, option, values, invert) {
    noInvert(invert, option);
    once(state, option);
    const text = single(values);
    // XT_MAX_COMMENT_LEN is 256 including the terminating NUL.
    if (text.length > 255) throw badRule(text, 'COMMENT must be shorter than 256 characters');
    return text;
  },
  finish(state) {
    if (state === undefined) throw badRule('comment', 'comment match: option "--comment" must be specified');
    return state;
  },
  match: () => true,
  print: (s) => ` /* ${s} */`,
  save: (s) => ` --comment ${saveString(s)}`
};
