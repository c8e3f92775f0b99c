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

/** Writes a publication folder from a map of relative paths to contents; returns its root. */
export function writePublication(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qikan-test-'));
  const all: Record<string, string> = {
    'publication.yaml': PUBLICATION_YAML,
    'issues/2025-01/issue.yaml': ISSUE_YAML,
    'issues/2025-01/cover.png': 'png',
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
