// The text of a PDF read on a thread of its own (pdf-text.ts does the reading): the build goes on paginating,
// merging and finishing on the main thread meanwhile. One thread for the process, started on first use; it keeps
// the process alive only while a PDF is being read.
import { Worker } from 'node:worker_threads';
import type { PageText } from './pdf-text.ts';

type Reply = { id: number; pages: PageText[] } | { id: number; error: string };

let thread: { worker: Worker; waiting: Map<number, PromiseWithResolvers<PageText[]>>; next: number } | undefined;

function started() {
  if (thread) return thread;
  const worker = new Worker(new URL('./pdf-text-worker.ts', import.meta.url));
  const waiting = new Map<number, PromiseWithResolvers<PageText[]>>();
  worker.on('message', (reply: Reply) => {
    const job = waiting.get(reply.id)!;
    waiting.delete(reply.id);
    if (!waiting.size) worker.unref();
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.pages);
  });
  // A thread that failed to start or died: every read it had fails, and the next read starts a new thread.
  const fail = (error: unknown) => {
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
    // A thread's 'exit' comes after its 'error': by then a read may have started the next thread.
    if (thread?.worker === worker) thread = undefined;
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the PDF text thread stopped (exit code ${code})`)));
  worker.unref();
  thread = { worker, waiting, next: 0 };
  return thread;
}

/**
 * Starts the thread, which loads pdf.js meanwhile (0.3 s): the print step calls it as it opens its browser
 * pages, so that an edited issue's one batch is not read by a thread still starting.
 */
export function startPdfTextThread(): void {
  started();
}

/** readPdfText, off the main thread. */
export function readPdfTextAside(data: Uint8Array): Promise<PageText[]> {
  const t = started();
  const id = t.next++;
  const job = Promise.withResolvers<PageText[]>();
  t.waiting.set(id, job);
  t.worker.ref();
  t.worker.postMessage({ id, data });
  return job.promise;
}
