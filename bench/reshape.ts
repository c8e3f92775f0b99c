// The corpus magazine in another shape, as a plain PDF-to-text step would give the same printed issue: no Markdown
// anywhere (headings, bold, escapes and list marks gone, titles lines of their own), the 目录 heading spaced, its
// sections in 【】 and its entries page first. The printed pages stay those of the corpus's 目录, so an import of
// this text can be measured against the same print.

const ENTRY = /^- (?:▲\s*)?(.+?)\s+[—–-]+\s+(\d+)\s*$/;
const SECTION = /^#{1,6}\s+•\s*(\S+)\s*$/;

/** The 目录 runs from its heading to the first heading that is none of its sections (the first article's title). */
export function asPlainText(markdown: string): string {
  let inToc = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^#{1,6}\s+目录\s*$/.test(line)) {
        inToc = true;
        return '目 录';
      }
      if (inToc && /^#{1,6}\s+(?!•)/.test(line) && !/CONTENTS/.test(line)) inToc = false;
      if (inToc) {
        const section = SECTION.exec(line);
        if (section) return `【${section[1]}】`;
        const entry = ENTRY.exec(line);
        if (entry) return `${entry[2]!.padStart(2, '0')} ${entry[1]}`;
      }
      if (line.includes('\t')) return line.replace(/\*\*|<\/?b>/g, '').replace(/ +$/, '');
      return line
        .replace(/^#{1,6}\s+/, '')
        .replace(/^(\s*)[-*]\s+/, '$1')
        .replace(/\*\*|<\/?b>/g, '')
        .replace(/\\([*_\\[\]#-])/g, '$1')
        .replace(/ +$/, '');
    })
    .join('\n');
}
