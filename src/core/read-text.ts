import fs from 'node:fs';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** C0 and C1 control characters but tab and line breaks: they break HTML, feeds and PDFs, and no one types them. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

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

/** Why a file could not be read, in Chinese. */
export function fileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ELOOP: '符号链接指向自己，形成了循环',
    ENOENT: '文件不存在（可能是断开的符号链接）',
    EISDIR: '这是一个文件夹，不是文件',
    EACCES: '没有读取它的权限',
    EPERM: '没有读取它的权限',
  };
  return (code && reasons[code]) ?? `${code ?? ''} ${(error as Error).message ?? error}`.trim();
}
