import { signCheckpoint } from './checkpoint.js';
import { LogReader } from './log-reader.js';
import type { CheckpointSigner, LogStorage } from './log-storage.js';
import { type Acknowledgement, LogWriter } from './log-writer.js';
import type { NoteSigner, NoteVerifier } from './note.js';
import { makeReceipt, type Receipt } from './receipt.js';

/** The log as the rest of Obhut uses it: one writer, a reader, and receipts. */
export class TransparencyLog {
  readonly writer: LogWriter;
  readonly reader: LogReader;
  readonly sign: CheckpointSigner;

  constructor(
    store: LogStorage,
    private readonly signer: NoteSigner,
    options: { maxBatch?: number } = {},
  ) {
    this.sign = (size, root) => signCheckpoint({ origin: signer.name, size, root }, signer);
    this.writer = new LogWriter(store, this.sign, options);
    this.reader = new LogReader(store);
  }

  get origin(): string {
    return this.signer.name;
  }

  /** The verifier key in signed-note form, `name+keyid+base64`. */
  get verifierKey(): string {
    return this.signer.vkey;
  }

  get verifier(): NoteVerifier {
    return this.signer;
  }

  receiptFor(ack: Acknowledgement): Receipt {
    return makeReceipt({
      entry: ack.entry,
      index: ack.index,
      proof: ack.proof,
      checkpoint: ack.checkpoint.note,
      origin: this.origin,
      verifierKey: this.verifierKey,
    });
  }

  /** A receipt for an entry already in the log, against the latest (or a given) checkpoint. */
  async receiptAt(index: number, size?: number): Promise<Receipt> {
    const checkpoint = await this.reader.checkpoint(size);
    const [entry, proof] = await Promise.all([
      this.reader.entry(index),
      this.reader.inclusionProof(index, checkpoint.size),
    ]);
    return makeReceipt({
      entry,
      index,
      proof,
      checkpoint: checkpoint.note,
      origin: this.origin,
      verifierKey: this.verifierKey,
    });
  }
}
