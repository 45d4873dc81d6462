import { describe, expect, it } from 'vitest';
import { nodeMatchesConstraints, parseConstraint, type ConstraintSpec, type ConstraintTarget } from '../src/index.js';

const node: ConstraintTarget = {
  id: 'abc123',
  hostname: 'node-2',
  role: 'worker',
  addr: '192.168.99.101',
  platform: { os: 'linux', architecture: 'x86_64' },
  labels: { Zone: 'East', disk: 'ssd' },
  engineLabels: { tier: 'gold' }
};

function c(text: string): ConstraintSpec {
  const r = parseConstraint(text);
  if (!r.ok) throw new Error(r.detail);
  return r.value;
}

const matches = (...texts: string[]) => nodeMatchesConstraints(node, texts.map(c));

describe('nodeMatchesConstraints (swarmkit constraint.NodeMatches)', () => {
  it.each([
    'node.id==abc123',
    'node.hostname==node-2',
    'NODE.HOSTNAME==NODE-2', // keys and values compare case-insensitively
    'node.role==worker',
    'node.role!=manager',
    'node.platform.os==linux',
    'node.platform.arch==X86_64',
    'node.labels.Zone==east', // a label value too
    'node.labels.disk!=hdd',
    'node.labels.missing!=x', // a missing label reads as ''
    'engine.labels.tier==gold',
    'node.ip==192.168.99.101',
    'node.ip==192.168.99.0/24',
    'node.ip!=10.0.0.0/8'
  ])('%s holds', (text) => {
    expect(matches(text)).toBe(true);
  });

  it.each([
    'node.hostname==node-1',
    'node.role==manager',
    'node.platform.os==windows',
    'node.labels.zone==east', // label names are case-sensitive
    'node.labels.missing==x',
    'engine.labels.tier!=gold',
    'node.ip!=192.168.99.101',
    'node.ip==10.0.0.0/8',
    'node.ip==not-an-address', // malformed: matches no node, whatever the operator
    'node.ip!=not-an-address',
    'node.colour==red', // unknown keys match no node…
    'node.colour!=red', // …with either operator
    'node.labels.==x'
  ])('%s fails', (text) => {
    expect(matches(text)).toBe(false);
  });

  it('needs every constraint to hold', () => {
    expect(matches('node.role==worker', 'node.labels.disk==ssd')).toBe(true);
    expect(matches('node.role==worker', 'node.labels.disk==hdd')).toBe(false);
    expect(matches()).toBe(true);
  });

  it('reads absent engine labels as empty', () => {
    const { engineLabels: _, ...bare } = node;
    expect(nodeMatchesConstraints(bare, [c('engine.labels.tier!=gold')])).toBe(true);
    expect(nodeMatchesConstraints(bare, [c('engine.labels.tier==gold')])).toBe(false);
  });
});
