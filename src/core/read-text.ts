import fs from 'node:fs';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A text file of the publication, or undefined when it is not UTF-8 (a file saved as GBK on a Chinese Windows
 * machine would otherwise be published as mojibake).
 */
export function readUtf8(file: string): string | undefined {
  try {
    return utf8.decode(fs.readFileSync(file));
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}
