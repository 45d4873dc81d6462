// Codes of @swarmsim/transport-memory (the shared TRANSPORT_ERR_* codes live in @swarmsim/interface):
// MEMNET_ERR_DUPLICATE_PEER: MemoryNetwork.createTransport for an id that already has a live transport
import { SwarmsimError, type PeerId } from '@swarmsim/interface';

/** Payloads of {@link MemoryNetworkError}. */
export type MemoryNetworkErrorType = { code: 'MEMNET_ERR_DUPLICATE_PEER'; peer: PeerId };

/** A misuse of the {@link MemoryNetwork} object itself (not a delivery failure, which is a TransportError). */
export class MemoryNetworkError extends SwarmsimError<MemoryNetworkErrorType> {}
