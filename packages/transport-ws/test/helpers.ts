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
