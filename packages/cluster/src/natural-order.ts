/**
 * fvbommel/sortorder NaturalLess as a comparator, the order `docker node ls` prints hostnames in: runs of digits
 * compare as numbers (`node-2` < `node-10`), with fewer leading zeros first on a tie (`2` < `02`); other bytes
 * compare as they are, and a digit sorts before a non-digit.
 */
export function compareNatural(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = isDigit(a, i);
    const db = isDigit(b, j);
    if (da !== db) return da ? -1 : 1;
    if (!da) {
      if (a[i] !== b[j]) return a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
      continue;
    }
    const za = skip(a, i, (s, k) => s[k] === '0');
    const zb = skip(b, j, (s, k) => s[k] === '0');
    const ea = skip(a, za, isDigit);
    const eb = skip(b, zb, isDigit);
    if (ea - za !== eb - zb) return ea - za - (eb - zb);
    const na = a.slice(za, ea);
    const nb = b.slice(zb, eb);
    if (na !== nb) return na < nb ? -1 : 1;
    if (za - i !== zb - j) return za - i - (zb - j);
    i = ea;
    j = eb;
  }
  return a.length - i - (b.length - j);
}

function isDigit(s: string, k: number): boolean {
  const c = s.charCodeAt(k);
  return c >= 48 && c <= 57;
}

function skip(s: string, from: number, holds: (s: string, k: number) => boolean): number {
  let k = from;
  while (k < s.length && holds(s, k)) k++;
  return k;
}
