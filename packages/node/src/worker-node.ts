import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { silentLogger, type Logger, type SwarmsimError } from '@swarmsim/interface';
import { writeRecord } from '@swarmsim/log/forwarding';
import { fromCodedErrorData } from './coded-errors.js';
import { NodeError } from './errors.js';
import type { JoinTokens } from './join-token.js';
import type { ContainerCall, ContainerResult } from './container-calls.js';
import type { ManagerCall, ManagerResult } from './manager-calls.js';
import type { NodeHandle, NodeStatus } from './node-handle.js';
import { isWorkerReply, type WorkerBootData, type WorkerReply, type WorkerRequest } from './worker-messages.js';

/** Options of {@link WorkerNode.spawn}: the node's boot data plus where the built entry is. */
export interface WorkerNodeInit extends WorkerBootData {
  /** The built worker entry. @default dist/worker.js of this package (also when running from src/ under vitest) */
  entry?: URL;
  /** Fail a request not answered within this time. @default 10000 (a join on loopback takes milliseconds) */
  requestTimeoutMs?: number;
  /** Where the node's forwarded log lines are written (set `logLevel` to have any). @default silentLogger */
  logger?: Logger;
}

type Pending = {
  resolve: (reply: WorkerReply) => void;
  reject: (err: SwarmsimError) => void;
  timer: ReturnType<typeof setTimeout>;
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type RequestBody = DistributiveOmit<WorkerRequest, 'id'>;

/**
 * The built entry: Node 20 cannot run .ts in a Worker, so from src/ (vitest) go to the sibling dist/. The one-file
 * bundle (`npm run build` writes it) boots several times faster than the ~300 modules of `worker.js`; it is used
 * only when at least as new as `worker.js`, so a plain `tsc -b` never runs stale bundled code.
 */
export function defaultWorkerEntry(): URL {
  const here = new URL('.', import.meta.url);
  const dist = here.pathname.endsWith('/src/') ? new URL('../dist/', here) : here;
  const modules = new URL('./worker.js', dist);
  const bundle = new URL('./worker.bundle.js', dist);
  return isAtLeastAsNew(bundle, modules) ? bundle : modules;
}

function isAtLeastAsNew(a: URL, b: URL): boolean {
  try {
    return statSync(a).mtimeMs >= statSync(b).mtimeMs;
  } catch {
    return false;
  }
}

/**
 * A node in its own `worker_threads` Worker (running the built `worker.js`): real time, its own fabric, a ws
 * transport on its own loopback address. Every call is a request/reply over the worker's message port.
 */
export class WorkerNode implements NodeHandle {
  readonly name: string;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited = false;
  private readonly exit: Promise<number>;

  private constructor(
    private readonly worker: Worker,
    /** The ws URL peers reach this node at. */
    readonly url: string,
    name: string,
    private readonly timeoutMs: number,
    private readonly logger: Logger
  ) {
    this.name = name;
    this.exit = new Promise((resolve) => worker.once('exit', resolve));
    void this.exit.then(() => this.onExit());
    worker.on('message', (msg: unknown) => this.onReply(msg));
    worker.on('error', () => this.onExit());
  }

  /** Starts the worker and resolves once its ws server listens. */
  static async spawn(init: WorkerNodeInit): Promise<WorkerNode> {
    const { entry = defaultWorkerEntry(), requestTimeoutMs = 10_000, logger = silentLogger, ...boot } = init;
    const worker = new Worker(entry, { workerData: boot satisfies WorkerBootData });
    const url = await new Promise<string>((resolve, reject) => {
      const exited = (): void =>
        reject(
          new NodeError({ code: 'NODE_ERR_WORKER_EXITED', node: boot.node.name }, 'node worker exited during boot')
        );
      worker.once('error', exited);
      worker.once('exit', exited);
      const hello = (msg: unknown): void => {
        // The node may log while it boots; those lines are written, the hello is still awaited.
        if (isWorkerReply(msg) && msg.type === 'log') return writeRecord(logger, msg.record);
        worker.off('message', hello);
        worker.off('error', exited);
        worker.off('exit', exited);
        if (isWorkerReply(msg) && msg.type === 'ready') resolve(msg.url);
        else
          reject(
            new NodeError(
              { code: 'NODE_ERR_WORKER_FAILED', node: boot.node.name, reason: 'no ready message' },
              'bad hello'
            )
          );
      };
      worker.on('message', hello);
    }).catch(async (err: unknown) => {
      await worker.terminate();
      throw err;
    });
    return new WorkerNode(worker, url, boot.node.name, requestTimeoutMs, logger);
  }

  /** True once the worker thread ended. */
  get terminated(): boolean {
    return this.exited;
  }

  /** Hands the node every peer's ws URL. */
  async setPeers(book: Record<string, string>): Promise<void> {
    await this.request({ type: 'peers', book });
  }

  /** `docker swarm init` inside the worker. */
  async initSwarm(): Promise<JoinTokens> {
    const reply = await this.request({ type: 'init' });
    return reply.type === 'tokens' ? reply.tokens : this.unexpected(reply);
  }

  /** `docker swarm join` inside the worker. */
  async joinSwarm(leader: string, token: string): Promise<void> {
    await this.request({ type: 'join', leader, token });
  }

  /** The node's state as plain data. */
  async status(): Promise<NodeStatus> {
    const reply = await this.request({ type: 'status' });
    return reply.type === 'status-reply' ? reply.status : this.unexpected(reply);
  }

  /**
   * One call on the leader's control plane inside the worker. A coded failure there rejects with the same class
   * and code (e.g. a SwarmError SWARM_ERR_NOT_FOUND), as the in-process runtime throws it.
   */
  async manager<C extends ManagerCall>(call: C): Promise<ManagerResult<C>> {
    return (await this.call({ type: 'manager', call })) as ManagerResult<C>;
  }

  /** One call on the node's standalone-container engine inside the worker (`docker run`, `network create` …). */
  async containers<C extends ContainerCall>(call: C): Promise<ContainerResult<C>> {
    return (await this.call({ type: 'containers', call })) as ContainerResult<C>;
  }

  /** The process vanishes: the thread is terminated with its sockets and timers, nothing is said to peers. */
  async crash(): Promise<void> {
    if (!this.exited) await this.worker.terminate();
    await this.exit;
  }

  /** Stops the node in the worker (closing its transport), then ends the thread. */
  async stop(): Promise<void> {
    if (!this.exited) await this.request({ type: 'stop' }).catch(() => undefined);
    await this.crash();
  }

  /** A request answered by a `result`; a coded failure inside rejects as the same class with the same code. */
  private async call(body: RequestBody): Promise<unknown> {
    const reply = await this.request(body);
    return reply.type === 'result' ? reply.value : this.unexpected(reply);
  }

  private request(body: RequestBody): Promise<WorkerReply> {
    if (this.exited)
      return Promise.reject(new NodeError({ code: 'NODE_ERR_WORKER_EXITED', node: this.name }, 'node worker is gone'));
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new NodeError(
            { code: 'NODE_ERR_WORKER_TIMEOUT', node: this.name, reason: body.type },
            `no reply to ${body.type}`
          )
        );
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  private onReply(msg: unknown): void {
    if (!isWorkerReply(msg) || msg.type === 'ready') return;
    if (msg.type === 'log') return writeRecord(this.logger, msg.record);
    const pending = this.pending.get(msg.id);
    if (pending === undefined) return;
    this.pending.delete(msg.id);
    clearTimeout(pending.timer);
    if (msg.type !== 'failure') return pending.resolve(msg);
    pending.reject(
      msg.error === undefined
        ? new NodeError({ code: 'NODE_ERR_WORKER_FAILED', node: this.name, reason: msg.code }, msg.message)
        : fromCodedErrorData(msg.error, this.name)
    );
  }

  private onExit(): void {
    this.exited = true;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new NodeError({ code: 'NODE_ERR_WORKER_EXITED', node: this.name }, 'node worker exited'));
      this.pending.delete(id);
    }
  }

  private unexpected(reply: WorkerReply): never {
    throw new NodeError(
      { code: 'NODE_ERR_WORKER_FAILED', node: this.name, reason: reply.type },
      `unexpected reply ${reply.type}`
    );
  }
}
