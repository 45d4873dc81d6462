import type { Parsed } from './ports.js';

/** An image reference as Docker normalises it: `nginx` is `docker.io` / `library/nginx`. */
export interface ImageReference {
  /** Registry, e.g. `docker.io`, `ghcr.io`, `localhost:5000`. */
  readonly domain: string;
  /** Repository path on the registry, e.g. `library/nginx`, `traefik/whoami`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

// github.com/distribution/reference regexp.go, the grammar `docker pull` and swarmkit's validateImage use.
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
// go-digest: the algorithms Docker knows, with their hex lengths.
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_PATH_LENGTH = 255;
const DEFAULT_DOMAIN = 'docker.io';

/**
 * Parses an image reference as distribution/reference `ParseNormalizedNamed` does (`nginx`, `redis:7`,
 * `ghcr.io/acme/api@sha256:…`), refusing with its wording (`invalid reference format …`).
 */
export function parseImageReference(image: string): Parsed<ImageReference> {
  if (IDENTIFIER.test(image))
    return { ok: false, detail: `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings` };
  const { domain: guessed, remainder } = splitDomain(image);
  const remote = remainder.split(':')[0]!;
  if (remote.toLowerCase() !== remote)
    return { ok: false, detail: `invalid reference format: repository name (${remote}) must be lowercase` };
  const m = REFERENCE.exec(`${guessed}/${remainder}`);
  if (m === null)
    return {
      ok: false,
      detail: image === '' ? 'repository name must have at least one component' : 'invalid reference format'
    };
  // The captures, not splitDomain's guess: a first component that is no valid host (`my_reg.com/x`) is path.
  const [, domain = '', path = '', tag, digest] = m;
  if (path.length > MAX_PATH_LENGTH)
    return { ok: false, detail: `repository name must not be more than ${MAX_PATH_LENGTH} characters` };
  const digestProblem = digest === undefined ? undefined : checkDigest(digest);
  if (digestProblem !== undefined) return { ok: false, detail: digestProblem };
  return {
    ok: true,
    value: { domain, path, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) }
  };
}

/** normalize.go splitDockerDomain: the first component is a registry only if it looks like a host. */
function splitDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_DOMAIN, remainder: `library/${name}` };
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain = DEFAULT_DOMAIN;
  let remainder = name;
  if (first === 'index.docker.io') remainder = rest;
  else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
    domain = first;
    remainder = rest;
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = `library/${remainder}`;
  return { domain, remainder };
}

/** go-digest Digest.Validate: a known algorithm and a lower-case hex string of its length. */
function checkDigest(digest: string): string | undefined {
  const [algorithm = '', hex = ''] = digest.split(':');
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) return 'unsupported digest algorithm';
  if (hex.length !== length) return 'invalid checksum digest length';
  if (!/^[a-f0-9]+$/.test(hex)) return 'invalid checksum digest format';
  return undefined;
}
