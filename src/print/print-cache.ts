import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../core/names.ts';

/** Entries no build has used for this long are removed. */
const KEEP_DAYS = 30;

/**
 * The print step's cache under `<root>/.qikan/cache/print/`: what pagination found in a run and the PDFs of runs
 * and of whole issues, each under the content hash of everything that makes it. A build touches what it uses, and
 * entries unused for a month go.
 */
export class PrintCache {
  readonly dir: string;
  constructor(root: string) {
    this.dir = path.join(cacheDir(root), 'print');
    fs.mkdirSync(this.dir, { recursive: true });
  }

  private file(key: string, ext: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.${ext}`);
  }

  private read(file: string): Buffer | undefined {
    try {
      const data = fs.readFileSync(file);
      const now = new Date();
      fs.utimesSync(file, now, now);
      return data;
    } catch {
      return undefined;
    }
  }

  private write(file: string, data: string | Uint8Array): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Whole or not at all: a build stopped halfway leaves no half-written entry.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  }

  json<T>(key: string): T | undefined {
    const data = this.read(this.file(key, 'json'));
    if (!data) return undefined;
    try {
      return JSON.parse(data.toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }

  saveJson(key: string, value: unknown): void {
    this.write(this.file(key, 'json'), JSON.stringify(value));
  }

  /** A cached PDF, unless it is not whole (a truncated or foreign file is a miss, made again). */
  pdf(key: string): Uint8Array | undefined {
    const data = this.read(this.file(key, 'pdf'));
    const whole = data && data.subarray(0, 5).toString('latin1') === '%PDF-' && data.subarray(-1024).includes('%%EOF');
    return whole ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : undefined;
  }

  savePdf(key: string, bytes: Uint8Array): void {
    this.write(this.file(key, 'pdf'), bytes);
  }

  /** Removes entries no build has read or written for a month. */
  prune(now = Date.now()): void {
    const limit = now - KEEP_DAYS * 86_400_000;
    for (const entry of fs.readdirSync(this.dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (fs.statSync(file).mtimeMs < limit) fs.rmSync(file, { force: true });
    }
  }
}
