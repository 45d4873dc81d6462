import { createWsTransport, type WsTransport, type WsTransportInit } from '../src/index.js';

/** The join token every test cluster shares. */
export const TOKEN = 'SWMTKN-1-test-token';

/** Starts `ids.length` transports on 127.0.0.1:0 that know each other's addresses. */
export async function cluster(ids: string[], init: Partial<WsTransportInit> = {}): Promise<WsTransport[]> {
  const transports = await Promise.all(ids.map((localId) => createWsTransport({ token: TOKEN, ...init, localId })));
  const book = Object.fromEntries(transports.map((t) => [t.localId, t.url]));
  for (const t of transports) t.setPeers(book);
  return transports;
}

/** Real time passing: the edge package is tested with real sockets and timers. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Everything a test opened; {@link closeOpened} closes it after the test. */
export const opened: { close(): unknown }[] = [];

/** Closes what the finished test opened (an `afterEach` hook). */
export async function closeOpened(): Promise<void> {
  await Promise.all(opened.splice(0).map((c) => c.close()));
}

/** {@link cluster}, closed after the test. */
export async function started(ids: string[], init: Partial<WsTransportInit> = {}): Promise<WsTransport[]> {
  const ts = await cluster(ids, init);
  opened.push(...ts);
  return ts;
}

/** The rejection of `p`, or undefined when it resolves. */
export function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e
  );
}
