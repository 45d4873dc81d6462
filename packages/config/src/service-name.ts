import type { Parsed } from './ports.js';

// swarmkit manager/controlapi/common.go validateAnnotations: a service name is one DNS label, because
// `<name>` and `tasks.<name>` are resolved by the embedded DNS. swarmkit's `^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$`
// rewritten to the same language without nested quantifiers (it backtracks exponentially outside Go's RE2).
const DNS_NAME_COMPONENT = /^[a-zA-Z0-9](?:[-_a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const MAX_LENGTH = 63;

/** Checks a service name as swarmkit does, refusing with its wording (`name must be valid as a DNS name component`). */
export function parseServiceName(name: string): Parsed<string> {
  if (name === '') return { ok: false, detail: 'meta: name must be provided' };
  if (!DNS_NAME_COMPONENT.test(name)) return { ok: false, detail: 'name must be valid as a DNS name component' };
  // DNS labels are limited to 63 characters.
  if (name.length > MAX_LENGTH) return { ok: false, detail: `name must be ${MAX_LENGTH} characters or fewer` };
  return { ok: true, value: name };
}
