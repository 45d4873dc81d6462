import * as z from 'zod';
import { formatPrefix, parseCidr, parseIpv4 } from '@swarmsim/addr';
import { parseDuration } from '../duration.js';
import type { ConfigErrorCode } from '../errors.js';
import { parseImageReference } from '../image-reference.js';
import { isPort, type Parsed } from '../ports.js';

// Docker's container/network/node name rule (daemon/names, api/types/container validName).
const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Refinement options that tag the zod issue with a ConfigError code. */
function tagged(code: ConfigErrorCode, message: (input: unknown) => string) {
  return { error: (iss: { input?: unknown }) => message(iss.input), params: { code } };
}

/** A string run through `parse`; a refusal becomes an issue with `code`. */
export function parsedString<T>(parse: (s: string) => Parsed<T>, code: ConfigErrorCode) {
  return z.string().transform((s, ctx): T => {
    const r = parse(s);
    if (r.ok) return r.value;
    ctx.issues.push({ code: 'custom', message: r.detail, input: s, params: { code } });
    return z.NEVER;
  });
}

/** A name obeying Docker's `[a-zA-Z0-9][a-zA-Z0-9_.-]*`. */
export function dockerName(what: string) {
  return z.string().refine(
    (s) => DOCKER_NAME.test(s),
    tagged(
      'CONFIG_ERR_INVALID_NAME',
      (v) => `invalid ${what} name '${String(v)}': only [a-zA-Z0-9][a-zA-Z0-9_.-]* are allowed`
    )
  );
}

/** An image reference Docker would pull (`nginx`, `redis:7`, `ghcr.io/acme/api@sha256:…`), kept as written. */
export const imageReference = parsedString((s): Parsed<string> => {
  const r = parseImageReference(s);
  return r.ok ? { ok: true, value: s } : r;
}, 'CONFIG_ERR_INVALID_IMAGE');

/** An integer ≥ 0. */
export const nonNegativeInt = z
  .int({ error: 'expected a non-negative integer' })
  .min(0, { error: 'expected a non-negative integer' });

/** A port number in 1..65535. */
export const port = z.number().refine(
  isPort,
  tagged('CONFIG_ERR_INVALID_PORT', (v) => `invalid port ${String(v)}: expected an integer in 1..65535`)
);

/** A dotted-quad IPv4 address. */
export const ipv4 = z.string().refine(
  (s) => parseIpv4(s) !== undefined,
  tagged('CONFIG_ERR_INVALID_ADDRESS', (v) => `invalid IPv4 address '${String(v)}'`)
);

/** An IPv4 CIDR naming a network: Docker ≥ 25 refuses host bits ("invalid subnet …: it should be …"). */
export const networkCidr = parsedString((s): Parsed<string> => {
  const p = parseCidr(s);
  if (p === undefined) return { ok: false, detail: `invalid CIDR '${s}': expected an IPv4 a.b.c.d/len` };
  if (p.written !== p.start) return { ok: false, detail: `invalid subnet ${s}: it should be ${formatPrefix(p)}` };
  return { ok: true, value: s };
}, 'CONFIG_ERR_INVALID_CIDR');

// /31 and /32 leave no node address beside the outside host's network + 1; a /8 already holds 16 million nodes.
const UNDERLAY_PREFIX = { min: 8, max: 30 };

/** The underlay subnet: a network CIDR (no host bits) from /8 to /30. */
export const underlaySubnet = parsedString((s): Parsed<string> => {
  const p = parseCidr(s);
  if (p === undefined) return { ok: false, detail: `invalid CIDR '${s}': expected an IPv4 a.b.c.d/len` };
  if (p.written !== p.start) return { ok: false, detail: `invalid subnet ${s}: it should be ${formatPrefix(p)}` };
  if (p.prefixLength < UNDERLAY_PREFIX.min || p.prefixLength > UNDERLAY_PREFIX.max) {
    const range = `/${UNDERLAY_PREFIX.min} to /${UNDERLAY_PREFIX.max}`;
    return { ok: false, detail: `invalid underlay subnet ${s}: expected a prefix length from ${range}` };
  }
  return { ok: true, value: s };
}, 'CONFIG_ERR_INVALID_CIDR');

/** A duration: ms as a number, or a Go duration string (`5s`, `1m30s`); resolves to milliseconds. */
export const duration = z
  .union([z.number(), z.string()], { error: 'expected a duration such as 5s or a number of milliseconds' })
  .transform((v, ctx): number => {
    const ms = parseDuration(v);
    if (ms !== undefined) return ms;
    const params = { code: 'CONFIG_ERR_INVALID_DURATION' };
    ctx.issues.push({
      code: 'custom',
      message: `invalid duration '${String(v)}': expected e.g. 5s, 500ms, 1m30s`,
      input: v,
      params
    });
    return z.NEVER;
  });

/** Scalars (numbers, booleans) are accepted as label values and stringified, as `--label k=1` is a string. */
export const labelMap = z
  .record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean()], { error: 'expected a scalar label value' }).transform(String)
  )
  .default({});
