// Synthetic publications for the print bench: one issue made of another's articles N times over (titles made
// unique: （之1）…（之N）), and archives of many copies of one issue. Usage as a script:
//   node bench/synthetic.ts <source-issue-folder> <times> <out-root>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLE = /^(\d{1,3})-(.+)\.md$/;

/** Rewrites a front matter field of an article's text (the rest of the file as it is). */
function setFrontMatter(text: string, change: (fm: ReturnType<typeof parseDocument>) => void): string {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error('an article without front matter');
  const doc = parseDocument(m[1]!);
  change(doc);
  return `---\n${doc.toString().trimEnd()}\n---\n${text.slice(m[0].length)}`;
}

/**
 * A publication at `outRoot` (the repository's publication.yaml) with one issue, `id`, holding the articles of
 * `sourceIssue` `times` times over, in order, each copy's titles suffixed （之k）.
 */
export function multiplyIssue(sourceIssue: string, times: number, outRoot: string, id = path.basename(sourceIssue)) {
  const dir = path.join(outRoot, 'issues', id);
  fs.rmSync(outRoot, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'publication.yaml'), path.join(outRoot, 'publication.yaml'));
  const files = fs
    .readdirSync(sourceIssue)
    .filter((f) => ARTICLE.test(f))
    .sort();
  for (const entry of fs.readdirSync(sourceIssue)) {
    if (!ARTICLE.test(entry)) fs.cpSync(path.join(sourceIssue, entry), path.join(dir, entry), { recursive: true });
  }
  if (files.length * times > 999) throw new Error(`${files.length * times} articles: at most 999 in an issue`);
  let order = 0;
  for (let k = 1; k <= times; k++) {
    for (const file of files) {
      const [, , slug] = ARTICLE.exec(file)!;
      const text = fs.readFileSync(path.join(sourceIssue, file), 'utf8');
      order++;
      const out =
        times === 1
          ? text
          : setFrontMatter(text, (fm) => {
              fm.set('title', `${fm.get('title')}（之${k}）`);
              if (fm.has('order')) fm.set('order', order);
            });
      const name = `${String(order).padStart(3, '0')}-${slug}${times === 1 ? '' : `-r${k}`}.md`;
      fs.writeFileSync(path.join(dir, name), out);
    }
  }
  return { root: outRoot, id, articles: order };
}

/** `count` copies of an issue folder in one publication, numbered on from it: an archive. */
export function archiveOf(sourceIssue: string, count: number, outRoot: string): string[] {
  fs.rmSync(outRoot, { recursive: true, force: true });
  fs.mkdirSync(path.join(outRoot, 'issues'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'publication.yaml'), path.join(outRoot, 'publication.yaml'));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2000 + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const id = `${year}-${String(month).padStart(2, '0')}`;
    const dir = path.join(outRoot, 'issues', id);
    fs.cpSync(sourceIssue, dir, { recursive: true });
    const yamlFile = path.join(dir, 'issue.yaml');
    const doc = parseDocument(fs.readFileSync(yamlFile, 'utf8'));
    doc.set('number', i + 1);
    doc.set('year', year);
    doc.set('month', month);
    doc.set('date', `${year}-${String(month).padStart(2, '0')}-01`);
    fs.writeFileSync(yamlFile, doc.toString());
    ids.push(id);
  }
  return ids;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [source, times, out] = process.argv.slice(2);
  if (!source || !times || !out) throw new Error('usage: node bench/synthetic.ts <issue-folder> <times> <out-root>');
  const made = multiplyIssue(path.resolve(source), Number(times), path.resolve(out));
  console.log(`${made.root}: issue ${made.id}, ${made.articles} articles`);
}
