import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runClusterBootBench } from './cluster-boot-bench.js';
import { runServiceCreateBench } from './service-create-bench.js';
import { runDnsBench } from './dns-bench.js';
import { runGossipBench } from './gossip-bench.js';
import { runGossipWsBench } from './gossip-ws-bench.js';
import { runLbBench } from './lb-bench.js';
import { runTransportBench } from './transport-bench.js';
import { runWorkerBaselineBench } from './worker-baseline-bench.js';
import { runNetmodelBench, type BenchRow } from './netmodel-bench.js';

// npm run bench: measures, writes bench/results/<name>.json and the table in docs/benchmarks.md.
const root = fileURLToPath(new URL('../../../', import.meta.url));

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function table(rows: BenchRow[]): string {
  const head =
    '| workload | result | reference (measured or modelled in the same run) | reference value | ratio |\n| --- | ---: | --- | ---: | ---: |\n';
  const line = (r: BenchRow) =>
    `| ${r.name} | ${r.value.toLocaleString('en-US')} ${r.unit} | ${r.reference} | ${r.referenceValue.toLocaleString('en-US')} ${r.referenceUnit ?? 'ops/s'} | ${r.ratio} |`;
  return head + rows.map(line).join('\n') + '\n';
}

function writeSection(name: string, body: string): void {
  const path = `${root}docs/benchmarks.md`;
  let doc: string;
  try {
    doc = readFileSync(path, 'utf8');
  } catch {
    doc =
      '# Benchmarks\n\nWritten by `npm run bench`; every figure sits beside a reference measured in the same run.\n';
  }
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${body}${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  doc = re.test(doc) ? doc.replace(re, block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, doc);
}

const date = new Date().toISOString();
const header = `Machine: ${machine()}. Date: ${date}. Command: \`npm run bench\`.`;

/** One benchmark area: rows plus the text that explains its reference. */
interface Section {
  name: string;
  title: string;
  note: string;
  run: () => Promise<BenchRow[]>;
}

const sections: Section[] = [
  {
    name: 'netmodel',
    title: "netmodel: one host's data plane",
    note:
      'The reference is the bare codec cost of the same frame (encode and decode Ethernet/IPv4/UDP, no stack), measured in\n' +
      'alternating runs with the workload; the ratio is the median of the per-pair ratios. A ratio of 0.5 means the stack\n' +
      'spends as much again on switching, routing, netfilter and sockets as on the bytes.\n',
    run: runNetmodelBench
  },
  {
    name: 'dns',
    title: 'dns: the embedded resolver (127.0.0.11)',
    note: 'The reference is dns-packet alone decoding the same query and encoding the same answer: the wire-format floor.\n',
    run: runDnsBench
  },
  {
    name: 'lb',
    title: 'lb: IPVS-like scheduling',
    note: 'References: for new flows, a flow key + array round-robin + `Map.set`; for existing flows, a bare `Map.get` of the same keys.\n',
    run: runLbBench
  },
  {
    name: 'gossip',
    title: 'gossip: table-write convergence vs the Serf model',
    note:
      'In-process, virtual time (ManualClock + MemoryNetwork, 1 ± 1 ms links), `lan` preset: gossip 200 ms, fanout 3. The\n' +
      'reference is the Serf convergence model for the same interval and fanout — time until 99.99 % of nodes are\n' +
      'informed, fraction after r rounds = 1/(1 + (n+1)·e^(−fanout·0.5·r)). A ratio below 1 is faster than the model.\n',
    run: runGossipBench
  },
  {
    name: 'gossip-ws',
    title: 'gossip over transport-ws: real-time convergence vs the Serf model',
    note: 'Real WebSockets on 127.0.0.1 and real timers, one process, `lan` preset; reference as above.\n',
    run: runGossipWsBench
  },
  {
    name: 'transport',
    title: 'transport-ws: messages over WebSockets on loopback',
    note: 'References: raw `ws` sending the same payloads in the same run (one message per payload, and batched with msgpackr as transport-ws does).\n',
    run: runTransportBench
  },
  {
    name: 'worker-baseline',
    title: 'worker threads: the bare spawn baseline for node boot (issue 4)',
    note: 'N workers that only load ws and msgpackr and open a ws server on 127.0.0.1; the reference is the figure issue 4 quotes for these machines. Node runtimes will be measured against this baseline in the same run.\n',
    run: runWorkerBaselineBench
  },
  {
    name: 'cluster-boot',
    title: 'cluster boot: worker-thread nodes to converged vs bare workers (issue 4)',
    note: "`local` preset; each size beside bare workers (ws + msgpackr + ws server) spawned in the same run. Ready = every node joined and Ready, every node's gossip sees every other alive, the `web` service running.\n",
    run: runClusterBootBench
  },
  {
    name: 'service-create',
    title: 'service create → all tasks running (issue 4)',
    note:
      'Worker-thread nodes, `local` preset, real time: from the `service create` call to the leader seeing every task\n' +
      'running (polled every 2 ms). The reference is the same operation on the in-process runtime in virtual time\n' +
      '(ManualClock ticked 1 ms at a time, MemoryNetwork links): the latency the protocol itself imposes, without CPU cost.\n',
    run: runServiceCreateBench
  }
];

// `run.js NAME` measures one section; `run.js --render` rewrites docs/benchmarks.md from bench/results/*.json.
const only = process.argv[2];
mkdirSync(`${root}bench/results`, { recursive: true });
for (const section of sections) {
  if (only !== undefined && only !== '--render' && only !== section.name) continue;
  const resultFile = `${root}bench/results/${section.name}.json`;
  let rows: BenchRow[];
  let head = header;
  if (only === '--render') {
    const saved = JSON.parse(readFileSync(resultFile, 'utf8')) as { date: string; machine: string; rows: BenchRow[] };
    rows = saved.rows;
    head = `Machine: ${saved.machine}. Date: ${saved.date}. Command: \`npm run bench\`.`;
  } else {
    rows = await section.run();
    writeFileSync(
      resultFile,
      `${JSON.stringify({ date, machine: machine(), command: 'npm run bench', rows }, null, 2)}\n`
    );
  }
  writeSection(section.name, `## ${section.title}\n\n${head}\n\n${table(rows)}\n${section.note}`);
  console.log(`${section.title}\n${table(rows)}`);
}
