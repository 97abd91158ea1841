/**
 * Hands batches from a producer that pushes them (a parser's callback) to a
 * consumer that pulls them (a stream being written), one at a time: `push`
 * waits while the consumer is behind, so memory holds a batch or two,
 * whatever the file's size. A consumer that stops early makes `push` throw.
 */
export class BatchChannel<T> implements AsyncIterable<T> {
  private queued: T[] = [];
  private ended = false;
  private failure: unknown;
  private closed = false;
  private wakeConsumer?: () => void;
  private wakeProducer?: () => void;

  constructor(private readonly capacity = 2) {}

  async push(batch: T): Promise<void> {
    while (this.queued.length >= this.capacity && !this.closed) await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    if (this.closed) throw new Error('The reader of these rows stopped');
    this.queued.push(batch);
    this.wakeConsumer?.();
  }

  /** No more batches; with an error, the consumer throws it after the batches already queued. */
  end(error?: unknown): void {
    this.ended = true;
    this.failure = error;
    this.wakeConsumer?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    try {
      for (;;) {
        const batch = this.queued.shift();
        if (batch !== undefined) {
          this.wakeProducer?.();
          yield batch;
        } else if (this.ended) {
          if (this.failure !== undefined) throw this.failure;
          return;
        } else await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
      }
    } finally {
      this.close();
    }
  }

  /** The consumer is done, early or not: a producer still pushing is told so. */
  close(): void {
    this.closed = true;
    this.wakeProducer?.();
  }
}
