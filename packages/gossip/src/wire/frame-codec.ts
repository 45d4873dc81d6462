import type { Random } from '@swarmsim/interface';
import { frameError } from '../errors.js';
import { decodeEnvelope, encodeEnvelope } from './envelope.js';
import type { Keyring } from './keyring.js';
import type { Envelope } from './messages.js';

/** Turns envelopes into sealed frames and back: size limit, then authentication, then shape, then sender. */
export class FrameCodec {
  /** @param keyring - cluster keys; @param random - nonce source */
  constructor(
    readonly keyring: Keyring,
    private readonly random: Random
  ) {}

  /** Encodes and seals an envelope. */
  seal(envelope: Envelope): Uint8Array {
    return this.keyring.seal(encodeEnvelope(envelope), this.random);
  }

  /** Opens a frame from transport peer `peer`; throws a GossipError carrying the reaction on any fault. */
  open(frame: Uint8Array, peer: string, maxBytes: number): Envelope {
    // Size first: never spend crypto on a frame we would refuse anyway.
    if (frame.length > maxBytes) {
      throw frameError({ code: 'GOSSIP_ERR_FRAME_TOO_LARGE', reaction: 'drop', bytes: frame.length, max: maxBytes });
    }
    const plain = this.keyring.open(frame);
    if (plain === undefined) throw frameError({ code: 'GOSSIP_ERR_UNAUTHENTICATED', reaction: 'drop' });
    const envelope = decodeEnvelope(plain);
    if (envelope.from !== peer) {
      throw frameError({ code: 'GOSSIP_ERR_SENDER_MISMATCH', reaction: 'reject-peer', claimed: envelope.from, peer });
    }
    return envelope;
  }
}
