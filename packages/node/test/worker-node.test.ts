import { describe, it, expect } from 'vitest';
import type { Logger } from '@swarmsim/interface';
import { waitFor } from '@swarmsim/testkit';
import { SwarmError } from '@swarmsim/swarm';
import { NodeError } from '../src/errors.js';
import { WorkerNode } from '../src/worker-node.js';

// Spawns the built dist/worker.js (npm test builds with tsc -b first).
describe('WorkerNode', () => {
  it('runs a node in a worker thread: init, coded failures across the port, and terminate', async () => {
    const node = await WorkerNode.spawn({
      node: { name: 'node-1', underlayIp: '192.168.99.100', preset: 'local' },
      host: '127.0.1.1',
      wsToken: 't'
    });
    try {
      expect(node.url).toMatch(/^ws:\/\/127\.0\.(1\.1|0\.1):\d+$/);
      expect(await node.status()).toMatchObject({ name: 'node-1', joined: false, leader: false });

      const early = await node
        .manager({ op: 'createService', spec: { name: 'web', image: 'nginx' } })
        .catch((e: unknown) => e);
      // The same class the in-process node throws, rebuilt on this side of the port.
      expect(early).toBeInstanceOf(NodeError);
      expect(early).toMatchObject({ name: 'NodeError', code: 'NODE_ERR_NOT_MANAGER', type: { node: 'node-1' } });

      const tokens = await node.initSwarm();
      expect(tokens.worker).toMatch(/^SWMTKN-1-/);
      const status = await node.status();
      expect(status).toMatchObject({ joined: true, leader: true, aliveMembers: ['node-1'] });
      expect(status.manager!.nodes.map((n) => n.hostname)).toEqual(['node-1']);
      const web = await node.manager({ op: 'createService', spec: { name: 'web', image: 'whoami', replicas: 2 } });
      expect(web.Spec.Name).toBe('web');
      expect((await node.manager({ op: 'services' })).map((s) => s.ID)).toEqual([web.ID]);
      const missing = await node.manager({ op: 'scaleService', service: 'nope', replicas: 1 }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(SwarmError);
      expect(missing).toMatchObject({ code: 'SWARM_ERR_NOT_FOUND', type: { kind: 'service', ref: 'nope' } });

      await node.crash();
      expect(node.terminated).toBe(true);
      const gone = await node.status().catch((e: unknown) => e);
      expect((gone as NodeError).code).toBe('NODE_ERR_WORKER_EXITED');
    } finally {
      await node.stop();
    }
  });

  it("forwards the node's log lines at or above logLevel to the main thread logger, with node and component bindings", async () => {
    const lines: { level: string; bindings: Record<string, unknown>; msg?: string }[] = [];
    const capture = (bindings: Record<string, unknown>): Logger => {
      const at = (level: string) => (obj: unknown, msg?: string) =>
        lines.push({ level, bindings, ...(typeof obj === 'string' ? { msg: obj } : msg === undefined ? {} : { msg }) });
      return {
        debug: at('debug'),
        info: at('info'),
        warn: at('warn'),
        error: at('error'),
        child: (b) => capture({ ...bindings, ...b })
      };
    };
    const node = await WorkerNode.spawn({
      node: { name: 'node-1', underlayIp: '192.168.99.100', preset: 'local' },
      host: '127.0.1.1',
      wsToken: 't',
      logLevel: 'info',
      logger: capture({})
    });
    try {
      await node.initSwarm();
      await waitFor(() => lines.some((l) => l.msg === 'node joined'), { timeoutMs: 5000, what: 'the join logged' });
      const joined = lines.find((l) => l.msg === 'node joined')!;
      expect(joined).toMatchObject({ level: 'info', bindings: { node: 'node-1', component: 'swarm-manager' } });
      expect(lines.every((l) => l.level !== 'debug')).toBe(true);
    } finally {
      await node.stop();
    }
  });
});
