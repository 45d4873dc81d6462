import type { Random } from '@swarmsim/interface';

// A small excerpt in the spirit of moby's namesgenerator (adjective_surname), enough for a simulation.
const ADJECTIVES = [
  'admiring',
  'brave',
  'clever',
  'eager',
  'focused',
  'gallant',
  'happy',
  'jolly',
  'keen',
  'nifty',
  'quirky',
  'serene',
  'vibrant',
  'zealous'
];
const SURNAMES = [
  'babbage',
  'curie',
  'dijkstra',
  'euler',
  'hopper',
  'kare',
  'lovelace',
  'noether',
  'pike',
  'ritchie',
  'shannon',
  'thompson',
  'turing',
  'wozniak'
];

const pick = <T>(list: readonly T[], random: Random): T => list[Math.floor(random() * list.length)]!;

/** A 64-hex container or network id; like stringid.GenerateRandomID, never all-digit in its short form. */
export function generateId(random: Random): string {
  for (;;) {
    const id = Array.from({ length: 64 }, () => Math.floor(random() * 16).toString(16)).join('');
    // A short id that parses as a number would be ambiguous with a PID or port in the CLI.
    if (!/^\d+$/.test(id.slice(0, 12))) return id;
  }
}

/** A Docker-style `<adjective>_<surname>` name not in `taken`; repeats get a digit, as namesgenerator retries do. */
export function generateName(random: Random, taken: (name: string) => boolean): string {
  const base = `${pick(ADJECTIVES, random)}_${pick(SURNAMES, random)}`;
  if (!taken(base)) return base;
  for (let n = 0; ; n++) {
    const name = `${base}${n}`;
    if (!taken(name)) return name;
  }
}
