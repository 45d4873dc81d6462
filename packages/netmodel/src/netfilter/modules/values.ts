import { badRule } from '../errors.js';
import { serviceToPort } from './services.js';

/** An inclusive port range of `--sport`/`--dport`, possibly negated. */
export interface PortMatch {
  readonly min: number;
  readonly max: number;
  readonly invert: boolean;
}

/** strtoul(…, 0) as xtables uses for marks: `0x` hex, leading-zero octal, else decimal; 32-bit. */
export function parseUint32(text: string, token = text): number {
  let value = Number.NaN;
  if (/^0x[0-9a-f]+$/i.test(text)) value = Number.parseInt(text.slice(2), 16);
  else if (/^0[0-7]*$/.test(text)) value = Number.parseInt(text, 8);
  else if (/^[1-9]\d*$/.test(text)) value = Number(text);
  if (!Number.isFinite(value) || value > 0xffffffff) throw badRule(token, `Bad value \`${text}'`);
  return value;
}

/** `value[/mask]` of `--mark` and `--set-mark`; the mask defaults to all ones. */
export function parseValueMask(text: string): { value: number; mask: number } {
  const slash = text.indexOf('/');
  if (slash < 0) return { value: parseUint32(text), mask: 0xffffffff };
  return { value: parseUint32(text.slice(0, slash), text), mask: parseUint32(text.slice(slash + 1), text) };
}

function parsePort(text: string, token: string, proto: 'tcp' | 'udp'): number {
  const named = serviceToPort(text, proto);
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw badRule(token, `Port "${text}" does not resolve to anything.`);
  return Number(text);
}

/** `--dport 80`, `http`, `1024:65535`, `:1023` or `1024:` (xtables_parse_multi_ports' single-range form). */
export function parsePortMatch(text: string, invert: boolean, proto: 'tcp' | 'udp'): PortMatch {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const port = parsePort(text, text, proto);
    return { min: port, max: port, invert };
  }
  const min = colon === 0 ? 0 : parsePort(text.slice(0, colon), text, proto);
  const max = colon === text.length - 1 ? 65535 : parsePort(text.slice(colon + 1), text, proto);
  if (min > max) throw badRule(text, `invalid portrange (min > max)`);
  return { min, max, invert };
}

/** Throws unless `invert` is false (options that cannot be negated). */
export function noInvert(invert: boolean, option: string): void {
  if (invert) throw badRule(`--${option}`, `unexpected ! flag before --${option}`);
}

/** Throws when an option was already given (xtables' "only once" options). */
export function once(current: unknown, option: string): void {
  if (current !== undefined) throw badRule(`--${option}`, `multiple --${option} flags not allowed`);
}

/** The value of an option that takes exactly one. */
export function single(values: readonly string[]): string {
  return values[0] ?? '';
}
