import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Cluster, loadClusterConfig, type WorkerCluster } from '@swarmsim/cluster';
import { isSwarmsimError } from '@swarmsim/interface';
import { createLogger, parseLogLevel } from '@swarmsim/log';
import { nodeTable, networkTable, serviceTable, taskTable } from './tables.js';

// `npm start`: the cluster of cluster.config.yaml as worker threads (one per node, WebSockets on 127.0.1.x),
// then what a platform engineer would look at: nodes, networks, services, tasks; a node dies and its task moves.
// Flags: --config <file> (default: the repository's cluster.config.yaml), --log-level <fatal|error|warn|info|debug|trace|silent>.

const DEFAULT_CONFIG = fileURLToPath(new URL('../../../cluster.config.yaml', import.meta.url));
const TIMEOUT_MS = 60_000;

function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

async function show(cluster: WorkerCluster): Promise<void> {
  const [nodes, networks, services, tasks] = await Promise.all([
    cluster.swarmNodes.list(),
    cluster.networks.list(),
    cluster.services.list(),
    cluster.services.tasks()
  ]);
  const hostOf = (id: string | undefined): string => nodes.find((n) => n.ID === id)?.Description.Hostname ?? '';
  say(`$ docker node ls\n${nodeTable(nodes, cluster.leader.name)}\n`);
  say(`$ docker network ls --filter driver=overlay\n${networkTable(networks)}\n`);
  say(`$ docker service ls\n${serviceTable(services, tasks)}\n`);
  for (const s of services) say(`$ docker service ps ${s.Spec.Name}\n${taskTable(s, tasks, hostOf)}\n`);
}

/** `docker run -d -p 80 whoami` on one node, then a real HTTP request to the port it got on that node's address. */
async function containerOnPublishedPort(cluster: WorkerCluster, node: string): Promise<void> {
  say(`$ docker run -d -p 80 whoami          # on ${node}: standalone container, host port from 32768`);
  const c = await cluster.containers.run(node, { image: 'whoami', publish: [{ containerPort: 80 }] });
  const host = new URL(cluster.node(node).url).hostname;
  const port = c.ports[0]!.hostPort;
  say(`${c.id.slice(0, 12)}   ${c.name}   ${c.networks['bridge']?.ip ?? ''}   ${host}:${port}->80/tcp`);
  say(`$ curl http://${host}:${port}/          # a real socket; inside, DNAT on ${node}'s eth0 to the container`);
  const body = await (await fetch(`http://${host}:${port}/`)).text();
  say(`${body.split('\n').slice(0, 5).join('\n')}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { config: { type: 'string', default: DEFAULT_CONFIG }, 'log-level': { type: 'string', default: 'warn' } }
  });
  const logLevel = parseLogLevel(values['log-level']);
  // Logs go to stderr (JSON, or pretty on a terminal) so stdout stays the demo's own story.
  const logger = createLogger({ level: logLevel, destination: process.stderr });
  const spec = await loadClusterConfig(values.config);
  const names = spec.nodes
    .map((n) => `${n.name} (${n.role}${n.leader ? ', leader' : ''}, ${n.hostAddress})`)
    .join(', ');
  say(`swarmsim — ${values.config}\n${spec.nodes.length} nodes: ${names}\n`);

  const t0 = performance.now();
  const cluster = await Cluster.start({ spec, runtime: 'worker', logLevel }, { logger });
  try {
    await cluster.waitConverged({ timeoutMs: TIMEOUT_MS });
    say(
      `ready in ${Math.round(performance.now() - t0)} ms: every node joined and Ready, gossip converged, every task running\n`
    );
    await show(cluster);
    await containerOnPublishedPort(cluster, spec.nodes.find((n) => !n.leader)?.name ?? cluster.leader.name);

    const victim = spec.nodes.filter((n) => !n.leader).at(-1)?.name;
    if (victim !== undefined) {
      say(
        `# ${victim} dies: its worker thread is terminated, heartbeats stop, the leader marks it Down and reschedules`
      );
      const t1 = performance.now();
      await cluster.kill(victim);
      await cluster.waitConverged({ timeoutMs: TIMEOUT_MS });
      say(`converged again ${Math.round(performance.now() - t1)} ms later\n`);
      await show(cluster);
    }
  } finally {
    await cluster.stop();
  }
  say('stopped: every worker thread ended, every socket closed');
}

main().catch((err: unknown) => {
  // Config problems carry file:line:col in their message; other coded errors name their code.
  process.stderr.write(
    `${isSwarmsimError(err) && err.code !== 'CONFIG_ERR_INVALID' ? `${err.code}: ` : ''}${err instanceof Error ? err.message : String(err)}\n`
  );
  process.exitCode = 1;
});
