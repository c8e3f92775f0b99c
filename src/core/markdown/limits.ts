/**
 * What no article needs and what makes the Markdown parser or the checks after it slow or crash: nesting so deep
 * that parsing takes minutes (lists, brackets) or overflows the stack (quotes), and files of several megabytes.
 * Found by a scan of the text before it is parsed.
 */
export const LIMITS = { bytes: 2 * 1024 * 1024, quoteDepth: 32, listIndent: 64, bracketDepth: 32 } as const;

/** The first limit a Markdown body passes, as a reason in Chinese with its line (1-based in the body). */
export function pastLimits(body: string): { line: number; reason: string } | undefined {
  const bytes = Buffer.byteLength(body);
  if (bytes > LIMITS.bytes) {
    return {
      line: 1,
      reason: `文件有 ${(bytes / 1024 / 1024).toFixed(1)} MB，一篇文章最多 ${LIMITS.bytes / 1024 / 1024} MB`,
    };
  }
  const lines = body.split('\n');
  let brackets = 0;
  for (const [i, text] of lines.entries()) {
    // Brackets pair up within a paragraph.
    if (!text.trim()) brackets = 0;
    const quotes = /^(?:\s{0,3}>)+/.exec(text)?.[0].replace(/[^>]/g, '').length ?? 0;
    if (quotes > LIMITS.quoteDepth)
      return { line: i + 1, reason: `引用（>）嵌套 ${quotes} 层，最多 ${LIMITS.quoteDepth} 层` };
    const indent = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.exec(text)?.[1]!.replace(/\t/g, '    ').length ?? 0;
    if (indent > LIMITS.listIndent)
      return { line: i + 1, reason: `列表缩进 ${indent} 格，嵌套过深（最多缩进 ${LIMITS.listIndent} 格）` };
    for (let k = 0; k < text.length; k++) {
      const c = text[k];
      if (c === '\\') k++;
      else if (c === '[') brackets++;
      else if (c === ']') brackets = Math.max(0, brackets - 1);
      if (brackets > LIMITS.bracketDepth)
        return { line: i + 1, reason: `方括号（[）嵌套或未闭合超过 ${LIMITS.bracketDepth} 层` };
    }
  }
  return undefined;
}
