#!/usr/bin/env node
// Regenerates docs/errors.md from the `// CODE: meaning` (or ` * - CODE: meaning`) header of each errors file.
// test/errors-doc.test.ts fails when a code is missing from the doc: run `npm run docs:errors` after adding one,
// and add a row here when a new package gets an errors file.
import { readFileSync, writeFileSync } from 'node:fs';
import { URL } from 'node:url';

const root = new URL('../', import.meta.url);
/** [title, errors file, what the error class is] */
const sections = [
  [
    '@swarmsim/addr',
    'packages/addr/src/errors.ts',
    '`AddrError` — the throwing IPv4/CIDR helpers (`ipv4ToUint32`, `formatIpv4`, `cidrToPrefix`, `canonicalCidr`, …); the `parse*` functions return undefined instead, and each package reports that with its own code. Metadata: `address`, `cidr`, `reason`, `prefixLength`, `value`.'
  ],
  [
    '@swarmsim/addr — IPAM',
    'packages/addr/src/ipam/errors.ts',
    "`IpamError` — pools and addresses; messages use Docker's wording. Metadata: `subnet`, `ip`, `poolId`, …"
  ],
  [
    '@swarmsim/packet',
    'packages/packet/src/errors.ts',
    '`PacketError` — thrown by decoders on bad bytes and by encoders on bad fields. Metadata: `layer`, `offset`, `field`.'
  ],
  [
    '@swarmsim/netmodel — stack',
    'packages/netmodel/src/errors.ts',
    '`NetmodelError` — namespaces, interfaces, routing and sockets. Metadata: `namespace`, `interface`, `address`.'
  ],
  [
    '@swarmsim/netmodel — TCP',
    'packages/netmodel/src/tcp/errors.ts',
    '`TcpError` — emitted as a socket `error` event or thrown by `listen`/`connect`/`write`. Metadata: the 4-tuple.'
  ],
  [
    '@swarmsim/netmodel — netfilter',
    'packages/netmodel/src/netfilter/errors.ts',
    '`NetfilterError` — iptables commands and rules. Metadata: `table`, `chain`, `token`.'
  ],
  [
    '@swarmsim/drivers',
    'packages/drivers/src/errors.ts',
    '`DriverError` — Docker network drivers. Metadata: `network`, `port`.'
  ],
  [
    '@swarmsim/config',
    'packages/config/src/errors.ts',
    '`ConfigError` (one problem, message `file:line:col: path: detail`) and `ConfigErrors` (all problems of a file, `CONFIG_ERR_INVALID`). Metadata: `file`, `line`, `col`, `path`. `NodeCountError` (`CONFIG_ERR_NODE_COUNT`) comes from `defaultClusterSpec(n)`.'
  ],
  [
    '@swarmsim/swarm',
    'packages/swarm/src/errors.ts',
    "`SwarmError` — the control plane (manager API). Messages use Docker's wording where Docker has one."
  ],
  [
    '@swarmsim/node',
    'packages/node/src/errors.ts',
    '`NodeError` — one swarm node: join tokens, swarm membership, the control protocol.'
  ],
  [
    '@swarmsim/node — containers',
    'packages/node/src/containers/errors.ts',
    "`ContainerError` — standalone containers and local networks on a node (`docker run`, `docker network create -d bridge`); messages use Docker's wording."
  ],
  ['@swarmsim/cluster', 'packages/cluster/src/errors.ts', "`ClusterError` — the simulation host's public API."],
  ['@swarmsim/apps', 'packages/apps/src/errors.ts', '`AppError` — simulated images. Metadata: `image`.'],
  [
    '@swarmsim/dns',
    'packages/dns/src/errors.ts',
    "`DnsError` — the embedded resolver's record store and configuration (clients only ever see DNS rcodes)."
  ],
  [
    '@swarmsim/lb',
    'packages/lb/src/errors.ts',
    '`LbError` — IPVS-like services, real servers and connections. Metadata: the service key, server, value.'
  ],
  [
    '@swarmsim/gossip',
    'packages/gossip/src/errors.ts',
    '`GossipError` — frames (with the reaction: `drop` or `reject-peer`) and the API. Metadata: `peer`, `reaction`, `table`, `network`, `key`.'
  ],
  [
    'Transports (every `Transport`: `@swarmsim/transport-memory`, `@swarmsim/transport-ws`)',
    'packages/interface/src/transport-errors.ts',
    '`TransportError` (from `@swarmsim/interface`) — the codes every Transport shares, thrown as the same class by each. Metadata: `peer`, `reason`, `size`.'
  ],
  [
    '@swarmsim/transport-memory',
    'packages/transport-memory/src/errors.ts',
    '`MemoryNetworkError` — misuse of the `MemoryNetwork` object itself. Metadata: `peer`.'
  ],
  [
    '@swarmsim/log',
    'packages/log/src/errors.ts',
    '`LogError` — log level parsing (`--log-level`). Metadata: `value`, `allowed`.'
  ],
  [
    '@swarmsim/transport-ws',
    'packages/transport-ws/src/errors.ts',
    '`WsTransportError` — codes of the WebSocket transport itself (its delivery failures are the shared `TransportError` above).'
  ]
];

const CODE_LINE = /^\s*(?:\/\/|\*)\s*(?:-\s*)?([A-Z]+_ERR_[A-Z0-9_]+): (.*)$/;
const CONTINUATION = /^\s*(?:\/\/|\*)\s{3,}\S/;

function codesOf(path) {
  const lines = readFileSync(new URL(path, root), 'utf8').split('\n');
  const items = [];
  for (let i = 0; i < lines.length; i++) {
    const m = CODE_LINE.exec(lines[i]);
    if (!m) continue;
    let text = m[2];
    while (i + 1 < lines.length && CONTINUATION.test(lines[i + 1]) && !/[A-Z]+_ERR_[A-Z0-9_]+:/.test(lines[i + 1])) {
      text += ' ' + lines[++i].replace(/^\s*(?:\/\/|\*)\s*/, '');
    }
    items.push([m[1], text]);
  }
  // transport-ws repeats the shared TRANSPORT_ERR_* codes, which have their own section.
  return path.includes('transport-ws/src') ? items.filter(([c]) => !c.startsWith('TRANSPORT_ERR_')) : items;
}

const rows = (items) => items.map(([c, t]) => `| \`${c}\` | ${t.replaceAll('|', '\\|')} |`);
const out = [
  '# Error codes',
  '',
  'Every error swarmsim throws is a `SwarmsimError` (from `@swarmsim/interface`) with a stable `code` and',
  'structured metadata in `err.type`. Branch on `err.code`, never on the message. `test/errors-doc.test.ts` fails when',
  'a code in the source is missing here or a code here no longer exists. Generated by `npm run docs:errors`.',
  ''
];
for (const [title, path, description] of sections) {
  out.push(`## ${title}`, '', description, '', '| code | meaning |', '| --- | --- |', ...rows(codesOf(path)), '');
}
out.push(
  '## @swarmsim/testkit',
  '',
  '`WaitForTimeoutError` — from `waitFor` in real-time tests and `tickUntil` in virtual-time ones.',
  '',
  '| code | meaning |',
  '| --- | --- |'
);
out.push(
  ...rows([
    [
      'TESTKIT_ERR_WAIT_TIMEOUT',
      '`waitFor` or `tickUntil` gave up: the predicate was still false at the deadline (`what`, `timeoutMs`)'
    ]
  ]),
  ''
);
writeFileSync(new URL('docs/errors.md', root), out.join('\n'));
