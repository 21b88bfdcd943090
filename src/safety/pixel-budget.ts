/**
 * Bounds the pixels decoded at once: a build scans several images concurrently, and each
 * decoded pixel costs about 4.5 bytes until its hash is done. An image larger than the whole
 * budget runs alone.
 */
export class PixelBudget {
  #free: number;
  readonly #waiting: { pixels: number; wake: () => void }[] = [];

  constructor(readonly total: number) {
    this.#free = total;
  }

  async run<T>(pixels: number, task: () => Promise<T>): Promise<T> {
    const take = Math.min(pixels, this.total);
    if (this.#waiting.length > 0 || take > this.#free) {
      await new Promise<void>((wake) => this.#waiting.push({ pixels: take, wake }));
    } else {
      this.#free -= take;
    }
    try {
      return await task();
    } finally {
      this.#free += take;
      // First come, first served, so a large image is not starved by small ones.
      while (this.#waiting.length > 0 && this.#waiting[0]!.pixels <= this.#free) {
        const next = this.#waiting.shift()!;
        this.#free -= next.pixels;
        next.wake();
      }
    }
  }
}
