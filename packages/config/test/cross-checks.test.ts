import { describe, expect, it } from 'vitest';
import { parseClusterConfig } from '../src/index.js';
import { errorsOf, MANAGER } from './helpers.js';

const TWO_NODES = `${MANAGER}  - name: node-2\n`;

describe('cross-entry checks', () => {
  it('lets host-mode ports repeat across services but not collide with an ingress port', () => {
    const hostTwice = `${MANAGER}services:
  - { name: a, image: i, ports: [{ target: 80, published: 8080, mode: host }] }
  - { name: b, image: i, ports: [{ target: 80, published: 8080, mode: host }] }
`;
    expect(parseClusterConfig(hostTwice).services).toHaveLength(2);
    const errors = errorsOf(`${hostTwice}  - { name: c, image: i, ports: ["8080:80"] }\n`);
    expect(errors.map((e) => [e.code, e.path])).toEqual([['CONFIG_ERR_PORT_CONFLICT', 'services[2].ports[0]']]);
  });

  it('treats protocols separately and refuses a port listed twice in one service', () => {
    const ok = `${MANAGER}services:\n  - { name: a, image: i, ports: ["53:53", "53:53/udp"] }\n`;
    expect(parseClusterConfig(ok).services[0]?.ports).toHaveLength(2);
    const errors = errorsOf(`${MANAGER}services:\n  - { name: a, image: i, ports: ["80:80", "80:81"] }\n`);
    expect(errors.map((e) => [e.code, e.path])).toEqual([['CONFIG_ERR_PORT_CONFLICT', 'services[0].ports[1]']]);
  });

  it('binds a container host port once per node, so another node may reuse it', () => {
    const base = `${TWO_NODES}containers:\n  - { name: a, image: i, node: node-1, publish: ["8080:80"] }\n`;
    expect(
      parseClusterConfig(`${base}  - { name: b, image: i, node: node-2, publish: ["8080:80"] }\n`).containers
    ).toHaveLength(2);
    const errors = errorsOf(`${base}  - { name: b, image: i, node: node-1, publish: ["8080:81"] }\n`);
    expect(errors.map((e) => [e.code, e.path])).toEqual([['CONFIG_ERR_PORT_CONFLICT', 'containers[1].publish[0]']]);
  });

  it('resolves container:<name> on the same node only', () => {
    const base = `${TWO_NODES}containers:\n  - { name: a, image: i, node: node-1 }\n`;
    expect(
      parseClusterConfig(`${base}  - { name: b, image: i, node: node-1, networks: ["container:a"] }\n`).containers[1]
        ?.networks
    ).toEqual(['container:a']);
    const errors = errorsOf(`${base}  - { name: b, image: i, node: node-2, networks: ["container:a"] }\n`);
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['CONFIG_ERR_UNKNOWN_REFERENCE', 'containers[1].networks[0]']
    ]);
  });

  it('refuses explicit ingress attachment for services and containers', () => {
    const errors = errorsOf(`${MANAGER}services:
  - { name: s, image: i, networks: [ingress] }
containers:
  - { name: c, image: i, node: node-1, networks: [ingress] }
`);
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['CONFIG_ERR_UNKNOWN_REFERENCE', 'services[0].networks[0]'],
      ['CONFIG_ERR_UNKNOWN_REFERENCE', 'containers[0].networks[0]']
    ]);
  });

  it('does not call a network unknown when only its own entry is invalid', () => {
    const errors = errorsOf(`${MANAGER}networks:
  - { name: n, subnet: nope }
services:
  - { name: s, image: i, networks: [n] }
`);
    expect(errors.map((e) => e.code)).toEqual(['CONFIG_ERR_INVALID_CIDR']);
  });

  it('still checks the references of an entry that fails elsewhere', () => {
    const errors = errorsOf(`${MANAGER}services:
  - { name: s, image: i, replicas: many, networks: [ghost] }
containers:
  - { name: c, image: 7, node: node-9 }
`);
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['CONFIG_ERR_SCHEMA', 'services[0].replicas'],
      ['CONFIG_ERR_UNKNOWN_REFERENCE', 'services[0].networks[0]'],
      ['CONFIG_ERR_SCHEMA', 'containers[0].image'],
      ['CONFIG_ERR_UNKNOWN_REFERENCE', 'containers[0].node']
    ]);
  });

  it('does not conclude "no manager" when a node entry failed to parse', () => {
    const errors = errorsOf('nodes:\n  - { name: a, role: boss }\n');
    expect(errors.map((e) => e.code)).toEqual(['CONFIG_ERR_SCHEMA']);
  });

  it('places ingress in the first custom pool, so overlays may use 10.0.0.0/24 then', () => {
    const text = `${MANAGER}defaultAddressPools: [{ base: 10.20.0.0/16 }]\nnetworks:\n  - { name: o, subnet: 10.0.0.0/24 }\n`;
    expect(parseClusterConfig(text).networks[0]?.subnet).toBe('10.0.0.0/24');
    const clash = text.replace('10.0.0.0/24', '10.20.0.0/24');
    expect(errorsOf(clash).map((e) => [e.code, e.path])).toEqual([
      ['CONFIG_ERR_OVERLAPPING_SUBNET', 'networks[0].subnet']
    ]);
  });
});
