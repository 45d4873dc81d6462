// Go time.ParseDuration units, in milliseconds.
const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000
};
const TERM = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;

/**
 * Milliseconds of a duration written as a non-negative number of ms or a Go duration (`5s`, `1m30s`,
 * `500ms`), as `docker service create --restart-delay` accepts; undefined when it is neither.
 */
export function parseDuration(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (value === '0') return 0;
  if (value === '') return undefined;
  TERM.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let m = TERM.exec(value); m !== null; m = TERM.exec(value)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    consumed = TERM.lastIndex;
  }
  return consumed === value.length ? total : undefined;
}
