import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A minimal valid publication.yaml, for tests that write their own publication folder. */
export const PUBLICATION_YAML = `name: 测试月刊
sections:
  - id: news
    title: 新闻
  - id: views
    title: 观点
page:
  width: 210mm
  height: 297mm
  margins: { top: 20mm, bottom: 20mm, inner: 20mm, outer: 15mm }
imprint:
  publisher: [测试出版社]
  address: 测试路1号
`;

export const ISSUE_YAML = `number: 1
year: 2025
month: 1
date: 2025-01-15
headline: 标题
cover:
  image: cover.png
  alt: 封面
`;

/** A real image (4 × 4 px PNG): the check decodes every image it is shown. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWMQMgmDIwbiOAD5dAnBW1GwUwAAAABJRU5ErkJggg==',
  'base64',
);

/** Writes a publication folder from a map of relative paths to contents; returns its root. */
export function writePublication(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qikan-test-'));
  const all: Record<string, string | Buffer> = {
    'publication.yaml': PUBLICATION_YAML,
    'issues/2025-01/issue.yaml': ISSUE_YAML,
    'issues/2025-01/cover.png': TINY_PNG,
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    if (text === undefined) continue;
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return root;
}

export function article(frontMatter: string, body = '正文。'): string {
  return `---\n${frontMatter.trim()}\n---\n${body}\n`;
}
