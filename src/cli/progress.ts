import { spinner } from '@clack/prompts';

/** Progress on a terminal (one line that updates), plain lines elsewhere (CI logs, pipes). */
export interface Progress {
  update(message: string): void;
  done(message: string): void;
}

const LOG_EVERY_MS = 5000;

export function createProgress(stream: NodeJS.WriteStream = process.stdout): Progress {
  if (stream.isTTY && process.env.CI !== 'true') {
    const s = spinner();
    let running = false;
    return {
      update(message) {
        if (!running) s.start(message);
        else s.message(message);
        running = true;
      },
      done(message) {
        if (running) s.stop(message);
        else stream.write(message + '\n');
        running = false;
      },
    };
  }
  // In a log, a line every few seconds is enough, the first a few seconds in (a step that ends sooner needs none).
  let last: number | undefined;
  return {
    update(message) {
      last ??= Date.now();
      if (Date.now() - last < LOG_EVERY_MS) return;
      stream.write(message + '\n');
      last = Date.now();
    },
    done(message) {
      stream.write(message + '\n');
      last = undefined;
    },
  };
}
