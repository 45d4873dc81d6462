import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError, ConfigErrors, parseClusterConfig } from '../src/index.js';

const KEYS = [
  'nodes',
  'gossip',
  'networks',
  'services',
  'containers',
  'defaultAddressPools',
  'name',
  'role',
  'leader',
  'labels',
  'image',
  'replicas',
  'mode',
  'ports',
  'publish',
  'subnet',
  'gateway',
  'ipRange',
  'driver',
  'node',
  'ip',
  'endpointMode',
  'constraints',
  'restartPolicy',
  'delay',
  'preset',
  'target',
  'published',
  'base',
  'size',
  '__proto__'
];
const SCALARS = [
  'manager',
  'worker',
  'global',
  'dnsrr',
  'ingress',
  'host',
  'node-1',
  'overnet',
  '8080:80',
  '80/udp',
  '10.0.0.0/24',
  '10.0.1.5',
  'node.role==worker',
  '5s',
  'bridge',
  'overlay',
  'local',
  'lan',
  'container:c',
  ''
];

// Config-shaped values: the right keys with any value, so deep paths of the validator are exercised.
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...SCALARS),
    fc.integer({ min: -5, max: 70000 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 5 })
  )
})).node;

// Either a serialised config-shaped value, that text mangled, or raw characters YAML gives meaning to.
const text = fc.oneof(
  value.map((v) => stringify(v)),
  fc.tuple(value, fc.nat(), fc.string({ maxLength: 8 })).map(([v, at, junk]) => {
    const s = stringify(v);
    const i = at % (s.length + 1);
    return s.slice(0, i) + junk + s.slice(i);
  }),
  fc.string({ unit: fc.constantFrom(...'-:[]{}&*!|>\'"#%@ ,\n\tab0?'.split('')), maxLength: 60 })
);

describe('parseClusterConfig on arbitrary input', () => {
  it('returns a spec or throws ConfigErrors of located ConfigError, never anything else', () => {
    fc.assert(
      fc.property(text, (input) => {
        try {
          const spec = parseClusterConfig(input);
          expect(spec.nodes.some((n) => n.role === 'manager')).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigErrors);
          const errors = (err as ConfigErrors).errors;
          expect(errors.length).toBeGreaterThan(0);
          for (const e of errors) {
            expect(e).toBeInstanceOf(ConfigError);
            expect(e.type.line).toBeGreaterThanOrEqual(1);
            expect(e.type.col).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 1500, seed: 4242 }
    );
  });
});
