import fs from 'node:fs';
import path from 'node:path';
import { issuesDir } from '../core/names.ts';

/** What marks a folder as one a build wrote: only such a folder is replaced by the next build. */
export const MANIFEST = 'build-manifest.json';

export class OutputRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputRefused';
  }
}

/**
 * The output folder of a build, written atomically: the build writes into a folder beside it, which replaces it
 * only at the end, so that a build that fails, is refused or is interrupted leaves the last good site, PDFs and
 * manifest in place. A lock file beside it refuses a second build into the same folder while one runs.
 */
export interface Output {
  /** The folder the build asked for. */
  final: string;
  /** Where this build writes until it commits. */
  staging: string;
  /** Puts the staging folder in the final one's place. */
  commit(): void;
  /** Drops the staging folder and the lock; the final folder stays as it was. */
  abort(): void;
}

/**
 * Refuses an output folder that would hold or sit among the publication's sources or qikan itself, or that holds
 * files no build wrote; takes the lock.
 */
export function openOutput(out: string, option: string, guarded: { root: string; projectDir: string }): Output {
  const inside = (dir: string, file: string) => {
    const rel = path.relative(dir, file);
    return !rel || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  for (const [folder, what] of [
    [guarded.root, 'the publication folder'],
    [guarded.projectDir, 'qikan itself'],
  ] as const) {
    if (inside(out, folder)) {
      throw new OutputRefused(
        `--out ${option} would hold ${what} (${folder}), and a build replaces it: choose another --out`,
      );
    }
  }
  if (inside(issuesDir(guarded.root), out)) {
    throw new OutputRefused(
      `--out ${option} is among the publication's issues (${issuesDir(guarded.root)}): choose a folder outside them, e.g. dist`,
    );
  }
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory())
      throw new OutputRefused(`--out ${option} is a file, not a folder: choose another --out`);
    const names = fs.readdirSync(out);
    // A folder a build wrote has its manifest (or, from a build that failed before writing it, the site's assets).
    const written = names.includes(MANIFEST) || (names.includes('_astro') && names.includes('index.html'));
    if (names.length && !written) {
      throw new OutputRefused(
        `--out ${option} holds files that no build wrote (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}), and a build replaces the folder: choose an empty or new folder`,
      );
    }
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const lock = `${out}.qikan-lock`;
  takeLock(lock, option);
  const staging = `${out}.qikan-new-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const release = () => fs.rmSync(lock, { force: true });
  return {
    final: out,
    staging,
    commit() {
      const old = `${out}.qikan-old-${process.pid}`;
      if (fs.existsSync(out)) fs.renameSync(out, old);
      fs.renameSync(staging, out);
      fs.rmSync(old, { recursive: true, force: true });
      release();
    },
    abort() {
      fs.rmSync(staging, { recursive: true, force: true });
      release();
    },
  };
}

/** The lock is a file holding the building process's id; one left by a process that is gone is taken over. */
function takeLock(lock: string, option: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new OutputRefused(`another build (process ${pid}) is writing to --out ${option}: wait for it to finish`);
      }
      fs.rmSync(lock, { force: true });
    }
  }
  throw new OutputRefused(`--out ${option}: could not take the lock ${lock}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
