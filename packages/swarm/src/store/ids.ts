import type { Random } from '@swarmsim/interface';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** swarmkit-shaped ids (25 lowercase base-36 characters) drawn from a seeded source. */
export function idGenerator(random: Random): () => string {
  return () => {
    let id = '';
    for (let i = 0; i < 25; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return id;
  };
}
