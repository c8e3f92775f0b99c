import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ContentError, type Finding } from '../core/findings.ts';
import { CONTROL, readUtf8 } from '../core/read-text.ts';
import { encodingFinding } from '../core/read-yaml-file.ts';
import { finding } from '../core/rules.ts';
import {
  articleFile,
  fileName,
  issueMeta,
  issueYaml,
  newspaperIssueMeta,
  renderReport,
} from '../import/issue-files.ts';
import { importMagazine, NoTocError } from '../import/magazine.ts';
import { importNewspaper } from '../import/newspaper.ts';
import type { ImportResult, PublicationFacts } from '../import/result.ts';
import { loadPinyin } from '../core/title-slugs.ts';
import { loadModel } from '../core/model.ts';
import { ISSUE_FILE, ISSUE_ID } from '../core/names.ts';
import { publicationSchema } from '../core/schema/publication.ts';
import { parseYaml, validateYaml } from '../core/yaml-source.ts';
import { writePlainCover } from './new.ts';

export const KINDS = ['magazine', 'newspaper'] as const;
export type Kind = (typeof KINDS)[number];

export interface ImportOptions {
  /** The issue folder to create, e.g. issues/2025-07 of a publication. */
  out: string;
  kind?: string;
  /** Newspaper items go into this section (default: the publication's first). */
  section?: string;
}

export interface Imported {
  result: ImportResult;
  dir: string;
  /** The publication folder that builds the issue, if DIR's parent's parent is one. */
  root?: string;
  files: string[];
}

/**
 * `qikan import FILE --out DIR`: a printed issue's extracted text becomes a draft issue folder: articles,
 * issue.yaml with a plain cover, and import-report.md with what to check. The folder builds when DIR's parent's
 * parent is a publication (publication.yaml and issues/).
 */
export async function runImport(file: string, options: ImportOptions): Promise<Imported> {
  const input = path.resolve(file);
  if (!fs.existsSync(input) || !fs.statSync(input).isFile()) {
    throw new ContentError([finding('missing-file', { file, line: 1 }, { importing: true })]);
  }
  const kind = (options.kind ?? 'magazine') as Kind;
  if (!KINDS.includes(kind)) {
    throw new ContentError([finding('invalid-value', { file, line: 1, field: '--kind' }, { kind, kinds: KINDS })]);
  }
  const dir = path.resolve(options.out);
  const id = path.basename(dir);
  if (!ISSUE_ID.test(id))
    throw new Error(
      `--out ${options.out}：文件夹名“${id}”就是这一期的网址，只用小写英文字母、数字和连字符，例如 issues/2025-07`,
    );
  if (fs.existsSync(dir) && fs.readdirSync(dir).length)
    throw new Error(`--out ${options.out} 已存在且不是空的：导入不会覆盖已有的一期，请删除它或换一个文件夹`);

  const issues = path.dirname(dir);
  const root = path.dirname(issues);
  const pubFile = path.join(root, 'publication.yaml');
  const pub = fs.existsSync(pubFile) ? readPublication(pubFile) : undefined;
  const buildsHere = !!pub && path.basename(issues) === 'issues';
  if (pub?.kind === 'newspaper' && kind === 'magazine')
    throw new Error(
      `--kind magazine：${shown(pubFile)} 是报纸（kind: newspaper），它的一期按版面导入：用 --kind newspaper`,
    );

  const text = readText(file, input);
  const pinyin = await loadPinyin();
  let result: ImportResult;
  if (kind === 'magazine') {
    try {
      result = importMagazine(text, { pinyin, pub });
    } catch (error) {
      if (error instanceof NoTocError) {
        const { heading } = error;
        throw new ContentError([
          finding('invalid-value', { file, line: heading?.line ?? 1 }, { noToc: true, after: heading?.after }),
        ]);
      }
      throw error;
    }
  } else {
    const section = options.section ?? pub?.sections[0]?.id ?? 'news';
    if (pub && !pub.sections.some((s) => s.id === section)) {
      throw new Error(
        `--section ${section}：${path.relative(process.cwd(), pubFile)} 里没有这个栏目；可用的栏目：${pub.sections.map((s) => `${s.id}（${s.title}）`).join('、')}`,
      );
    }
    result = importNewspaper(text, { section, pinyin, placed: pub?.kind === 'newspaper' });
  }
  if (!result.articles.length) throw new ContentError([finding('empty-issue', { file, line: 1 }, { imported: kind })]);

  // Into a newspaper, a newspaper's issue: its pages, no cover.
  const newspaper = kind === 'newspaper' && pub?.kind === 'newspaper';
  const { meta, notes } = newspaper
    ? newspaperIssueMeta(result, { folderId: id, today: new Date(), existing: existingNewspaperIssues(issues) })
    : issueMeta(result, {
        folderId: id,
        existing: existingIssues(issues),
        frequency: pub?.frequency,
        today: new Date(),
      });
  const relDir = shown(dir);
  const builds = buildsHere
    ? `It builds with the publication at \`${shown(root)}\`: \`qikan build --root ${shown(root)} --only ${id}\`.`
    : `It does not build where it is: \`${shown(root)}\` ${pub ? "is a publication but the folder's parent is not its issues/ folder" : 'has no publication.yaml'}. Move the folder into the issues/ folder of a publication${pub ? '' : ' (its section ids must be those of the articles)'}.`;

  await fsp.mkdir(dir, { recursive: true });
  const files: string[] = [];
  const write = async (name: string, content: string) => {
    await fsp.writeFile(path.join(dir, name), content, { flag: 'wx' });
    files.push(name);
  };
  for (const a of result.articles) await write(fileName(a), articleFile(a));
  await write(ISSUE_FILE, issueYaml(meta));
  if (!newspaper) {
    await writePlainCover(dir);
    files.push('images/cover.jpg');
  }
  await write(
    'import-report.md',
    renderReport(result, {
      input: path.basename(input),
      inputLines: text.split(/\r?\n/).length,
      out: relDir,
      builds,
      metaNotes: notes,
      cover: !newspaper,
    }),
  );

  // The written issue must load: any problem the model finds in it is the importer's to report.
  if (buildsHere) {
    try {
      loadModel(root);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      const ours = error.findings.filter(
        (f: Finding) => f.file.startsWith(path.join('issues', id) + path.sep) || f.file === path.join('issues', id),
      );
      if (ours.length) throw new ContentError(ours);
    }
  }
  return { result, dir, root: buildsHere ? root : undefined, files };
}

/** A path as the user is told it: relative to the working folder when inside it. */
export function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return !rel ? '.' : rel.startsWith('..') ? p : rel;
}

/** The facts of publication.yaml the importer uses; a publication.yaml with errors stops the import. */
function readPublication(file: string): PublicationFacts {
  const parsed = parseYaml(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file);
  if (!parsed.source) throw new ContentError(parsed.findings);
  const { data, findings } = validateYaml(parsed.source, publicationSchema);
  if (!data) throw new ContentError(findings);
  return {
    name: data.name,
    englishName: data.englishName,
    publisherLines: data.publisherLines,
    sections: data.sections.map((s) => ({ id: s.id, title: s.title, english: s.english, runOn: s.runOn })),
    disclaimer: data.disclaimer,
    imprint: data.imprint,
    frequency: data.frequency,
    kind: data.kind,
  };
}

/** Year, month and number of the issues already in the folder (unreadable ones left out). */
/**
 * The extracted text, refused before anything is written when it is not text: not UTF-8, or with control
 * characters in it (but the form feed a PDF-to-text step ends each page with, read as a line break).
 */
function readText(file: string, input: string): string {
  const raw = readUtf8(input);
  if (raw === undefined) throw new ContentError([encodingFinding(file)]);
  const text = raw.replace(/\f/g, '\n');
  const at = text.search(CONTROL);
  if (at >= 0) {
    const line = text.slice(0, at).split('\n').length;
    const code = 'U+' + text.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0');
    throw new ContentError([
      finding(
        'file-unreadable',
        { file, line },
        { reason: `第${line}行有看不见的控制字符（${code}），这不像提取出来的文字` },
      ),
    ]);
  }
  return text;
}

/** What the issue.yaml files of the publication's issues say, each as far as it can be read. */
function readIssueFiles(issues: string): Record<string, unknown>[] {
  if (!fs.existsSync(issues)) return [];
  return fs
    .readdirSync(issues, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      try {
        const meta: unknown = parse(fs.readFileSync(path.join(issues, d.name, ISSUE_FILE), 'utf8'));
        return meta && typeof meta === 'object' ? [meta as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
}

function existingIssues(issues: string): { year: number; month: number; number: number }[] {
  return readIssueFiles(issues).flatMap(({ year, month, number }) =>
    typeof year === 'number' && typeof month === 'number' && typeof number === 'number'
      ? [{ year, month, number }]
      : [],
  );
}

function existingNewspaperIssues(issues: string): { number: number; yearNumber: number; date: string }[] {
  return readIssueFiles(issues).flatMap(({ number, yearNumber, date }) => {
    // yaml reads an unquoted date as a string (the core schema): 2026-11-06.
    const day = date instanceof Date ? date.toISOString().slice(0, 10) : date;
    return typeof number === 'number' && typeof yearNumber === 'number' && typeof day === 'string'
      ? [{ number, yearNumber, date: day }]
      : [];
  });
}
