/**
 * A fixed set of workers (browser pages), each doing one job at a time. A job asks for any worker or for one
 * worker in particular (the one holding what it needs); a worker that comes free takes the oldest job that asked
 * for it by name, else the oldest that asked for any.
 */
export class WorkerPool<W> {
  private readonly idle: W[];
  private readonly waiting: { want?: W; start: (worker: W) => void }[] = [];

  constructor(workers: W[]) {
    this.idle = [...workers];
  }

  async use<T>(job: (worker: W) => Promise<T>, want?: W): Promise<T> {
    const worker = await this.acquire(want);
    try {
      return await job(worker);
    } finally {
      this.release(worker);
    }
  }

  private acquire(want?: W): Promise<W> {
    const at = want === undefined ? (this.idle.length ? 0 : -1) : this.idle.indexOf(want);
    if (at >= 0) return Promise.resolve(this.idle.splice(at, 1)[0]!);
    return new Promise((start) => this.waiting.push({ want, start }));
  }

  private release(worker: W): void {
    const named = this.waiting.findIndex((w) => w.want === worker);
    const at = named >= 0 ? named : this.waiting.findIndex((w) => w.want === undefined);
    if (at < 0) return void this.idle.push(worker);
    this.waiting.splice(at, 1)[0]!.start(worker);
  }
}
