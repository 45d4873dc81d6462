import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../src/index.js';

const SHA = 'a'.repeat(64);

describe('parseImageReference (distribution/reference ParseNormalizedNamed)', () => {
  it.each([
    ['nginx', { domain: 'docker.io', path: 'library/nginx' }],
    ['redis:7.2-alpine', { domain: 'docker.io', path: 'library/redis', tag: '7.2-alpine' }],
    ['traefik/whoami:v1.10', { domain: 'docker.io', path: 'traefik/whoami', tag: 'v1.10' }],
    ['docker.io/library/alpine', { domain: 'docker.io', path: 'library/alpine' }],
    ['index.docker.io/busybox', { domain: 'docker.io', path: 'library/busybox' }],
    ['localhost/app', { domain: 'localhost', path: 'app' }],
    ['localhost:5000/team/app:1', { domain: 'localhost:5000', path: 'team/app', tag: '1' }],
    ['ghcr.io/acme/api', { domain: 'ghcr.io', path: 'acme/api' }],
    [`ghcr.io/acme/api@sha256:${SHA}`, { domain: 'ghcr.io', path: 'acme/api', digest: `sha256:${SHA}` }],
    ['a__b--c.d_e', { domain: 'docker.io', path: 'library/a__b--c.d_e' }]
  ])('reads %j', (image, value) => {
    expect(parseImageReference(image)).toEqual({ ok: true, value });
  });

  it.each([
    '', // no name
    'Bad Image!',
    'Nginx', // repository names are lower-case
    'nginx:', // an empty tag
    'nginx:-x', // a tag starts with a word character
    'a..b', // two separators in a row
    '-nginx',
    'nginx/',
    SHA, // a 64-hex string is an image id, not a name
    `nginx@sha256:${'a'.repeat(63)}`, // wrong digest length
    `nginx@md5:${'a'.repeat(32)}`, // an algorithm Docker does not know
    `x/${'a'.repeat(255)}` // the path is over 255 characters
  ])('refuses %j', (image) => {
    expect(parseImageReference(image).ok).toBe(false);
  });

  // A backtracking engine on a careless grammar would not return here within the test timeout.
  it('refuses long near-misses without exponential backtracking', () => {
    for (const image of [`${'a'.repeat(5000)}!`, `${'a-'.repeat(2500)}!`, `${'a.'.repeat(2500)}/x!`]) {
      expect(parseImageReference(image).ok).toBe(false);
    }
  });
});
