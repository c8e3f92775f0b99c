import { spinner } from '@clack/prompts';

/** Progress on a terminal (one line that updates), plain lines elsewhere (CI logs, pipes). */
export interface Progress {
  update(message: string): void;
  done(message: string): void;
}

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
  let last = '';
  return {
    update(message) {
      // In a log, one line per change of the tens of pages is enough.
      const key = message.replace(/\d(?=\D*$)/, '');
      if (key !== last) stream.write(message + '\n');
      last = key;
    },
    done(message) {
      stream.write(message + '\n');
      last = '';
    },
  };
}
