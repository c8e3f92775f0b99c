import type { YAMLError } from 'yaml';
import type { Finding } from './findings.ts';

/** A message or hint: fixed text, or text made from what the finding found. */
type Text<P> = string | ((p: P) => string);

interface Rule<P> {
  /** `error` fails `qikan check` and stops a build; `warning` fails only `qikan check --strict`. */
  severity: 'error' | 'warning';
  /** The build removes what the rule finds (its sanitizer is the guarantee): it lists it and goes on. */
  removedByBuild?: true;
  /** What the rule is about, in Chinese (CONTRIBUTING.md lists these). */
  means: string;
  /** What a finding says, in Chinese: contributors and editors read it. */
  message: Text<P>;
  /** What to do about it. */
  hint?: Text<P>;
}

/** What a message quotes of a contributor's text: at most 120 characters, so that a huge value gives a short message. */
const MAX_QUOTED = 120;
const QUOTED = new Set([
  'key',
  'section',
  'src',
  'url',
  'slug',
  'issueId',
  'extension',
  'placeholder',
  'kind',
  'scheme',
]);
const shorten = (s: string) => (s.length > MAX_QUOTED ? s.slice(0, MAX_QUOTED) + '…' : s);

/** A rule whose message and hint are made from parameters of type P. */
const rule = <P = void>(r: Rule<P>): Rule<P> => r;

const IMAGE_HINT = '把图片放进本期文件夹（例如 images/），并写出相对于文章的路径。';
const LINK_HINT = '写完整的网址（https://…），或本刊文章在网站上的地址（/期号/网址/）。';
/** A rule of Chinese text; `manual` says what to do where --fix leaves it to the writer. */
const zh = (means: string, manual = '确认不是有意的分隔后删去空格。') =>
  rule<{ message: string; fixable: boolean }>({
    severity: 'warning',
    means,
    message: (p) => p.message,
    hint: (p) => (p.fixable ? '运行 npm run qikan -- check --fix 自动改正。' : manual),
  });

/**
 * The catalogue of every rule a finding can come from, one place for each: its id (English, stable: scripts and
 * CONTRIBUTING.md refer to it), its level, what it means, and the message and hint a finding of it carries, all in
 * Chinese. Two errors do not stop a build, which removes what they find (`removedByBuild`): the site's sanitizer is
 * the guarantee, the check tells the contributor.
 */
export const RULES = {
  'yaml-syntax': rule<{ reason: string }>({
    severity: 'error',
    means: 'YAML 写法有误（缩进、冒号、引号），文件无法读取。',
    message: (p) => `YAML 无法读取：${p.reason}`,
    hint: '值中含有冒号（:）、# 或以引号、括号开头时，把整个值用英文双引号括起来，例如 title: "标题：副题"。',
  }),
  encoding: rule({
    severity: 'error',
    means: '文件不是 UTF-8 编码（例如存成了 GBK），网站和印刷版上会是乱码。',
    message: '文件不是 UTF-8 编码，读出来会是乱码',
    hint: '在编辑器里把文件另存为 UTF-8 编码（例如记事本“另存为”时选择 UTF-8）。',
  }),
  'missing-file': rule<{ name: string } | { issues: true } | { importing: true }>({
    severity: 'error',
    means: '缺少必需的文件（publication.yaml 或某期的 issue.yaml）。',
    message: (p) =>
      'issues' in p ? '没有找到任何一期的文件夹' : 'importing' in p ? '找不到要导入的文件' : `缺少文件 ${p.name}`,
    hint: (p) =>
      'issues' in p
        ? '建立 issues/<期号>/，放入 issue.yaml 和文章；或运行 qikan new issue <期号>。'
        : 'importing' in p
          ? '给出从印刷版 PDF 提取出的文本文件的路径。'
          : `建立 ${p.name}（可参照示例期）。`,
  }),
  'missing-field': rule<{ field: string; hint?: string }>({
    severity: 'error',
    means: '缺少必填字段，例如文章的 title 或 section。',
    message: (p) => `缺少必填字段“${p.field}”`,
    hint: (p) => p.hint ?? '',
  }),
  'invalid-value': rule<
    | { field?: string; empty: boolean; problem: string; value: unknown; hint?: string }
    | { kind: string; kinds: readonly string[] }
    | { noToc: true; after?: string[] }
    | { field: string; control: string }
  >({
    severity: 'error',
    means: '字段的值不合要求，例如日期不是 YYYY-MM-DD、布尔值不是 true/false。',
    message: (p) =>
      'kinds' in p
        ? `不认识的类型“${p.kind}”`
        : 'control' in p
          ? `字段“${p.field}”里有看不见的控制字符（${p.control}）`
          : 'noToc' in p
            ? p.after
              ? '这一行是目录的标题，但其后没有读到一条目录（标题和页码）'
              : '文中没有目录，无法按杂志导入'
            : p.empty
              ? `字段“${p.field}”没有填写内容`
              : `${p.problem}（现在写的是 ${shorten(JSON.stringify(p.value) ?? String(p.value))}）`,
    hint: (p) =>
      'kinds' in p
        ? `用 --kind ${p.kinds.join(' 或 --kind ')}。`
        : 'control' in p
          ? '删去这些字符：它们多半是从别处复制来的，或是 YAML 里的 \\x 转义。'
          : 'noToc' in p
            ? p.after
              ? `每条目录写成标题和页码，如“▲文章标题 — 01”“文章标题……01”或“01 文章标题”；这一行之后是：${p.after.map((l) => `“${shorten(l)}”`).join('、')}。`
              : '报纸版面没有目录：用 --kind newspaper。'
            : (p.hint ?? ''),
  }),
  'unknown-key': rule<{ key: string; guess?: string; allowed: string[]; otherKind?: string }>({
    severity: 'error',
    means: '出现了不认识的字段名，多半是拼写错误，或是另一种刊物（报纸、杂志）才有的字段；提示会给出最接近的字段名。',
    message: (p) =>
      p.otherKind
        ? `字段“${p.key}”只用于${p.otherKind}`
        : `不认识的字段“${p.key}”` + (p.guess ? `，是不是“${p.guess}”？` : ''),
    hint: (p) =>
      p.otherKind
        ? '删去这一行。'
        : p.guess
          ? `改为 ${p.guess}:`
          : `删除它，或改用以下字段之一：${p.allowed.join(', ')}。`,
  }),
  'unknown-section': rule<{ section: string; guess?: string; sections: string }>({
    severity: 'error',
    means: 'section 不是 publication.yaml 中列出的栏目 id。',
    message: (p) => `没有“${p.section}”这个栏目` + (p.guess ? `，是不是“${p.guess}”？` : ''),
    hint: (p) => `可用的栏目：${p.sections}。`,
  }),
  'missing-order': rule<{ hint: string }>({
    severity: 'error',
    means: '文章没有顺序号：文件名以 NN- 开头，或写 order 字段。',
    message: '文章没有顺序号',
    hint: (p) => p.hint,
  }),
  'duplicate-order': rule<{ order: number; others: string }>({
    severity: 'error',
    means: '同一期里两篇文章用了同一个顺序号。',
    message: (p) => `顺序号 ${p.order} 与 ${p.others} 重复`,
    hint: '同一期每篇文章用不同的顺序号（文件名开头的 NN-，或 order 字段）。',
  }),
  'duplicate-number': rule<{ number: number; others: string }>({
    severity: 'error',
    means: '两期用了同一个期号（总第N期）。',
    message: (p) => `总第${p.number}期与 ${p.others} 重复`,
    hint: '改正其中一期 issue.yaml 的 number。',
  }),
  'duplicate-slug': rule<{ url: string; others: string }>({
    severity: 'error',
    means: '同一期里两篇文章的网址相同（文件名去掉顺序号后相同）。',
    message: (p) => `网址 ${p.url} 与 ${p.others} 相同`,
    hint: '给其中一个文件改名。',
  }),
  'file-name': rule<{ issueId: string } | { slug: string } | { extension: string; suggested: string }>({
    severity: 'error',
    means: '文件名或期号文件夹名不能用作网址：只用小写英文字母、数字和连字符；文章的扩展名是小写的 .md。',
    message: (p) =>
      'issueId' in p
        ? `期号文件夹名“${p.issueId}”不能用作网址`
        : 'extension' in p
          ? `文件“${p.extension}”的扩展名不是小写的 .md，不会被当作文章`
          : `文件名给出的网址“${p.slug}”不是小写英文`,
    hint: (p) =>
      'issueId' in p
        ? '期号文件夹只用小写英文字母、数字和连字符，例如 2026-10。'
        : 'extension' in p
          ? `改名为 ${p.suggested}。`
          : '把文件改名为 NN-英文单词.md，例如 03-zhejiang-ic-report.md。',
  }),
  'file-outside': rule<{ target: string }>({
    severity: 'error',
    means: '文章文件是指向发布文件夹以外的符号链接：发布的只能是仓库里的文件。',
    message: (p) => `文章文件是指向发布文件夹以外（${p.target}）的符号链接`,
    hint: '把文章本身放进本期文件夹，不要用符号链接。',
  }),
  'file-unreadable': rule<{ reason: string }>({
    severity: 'error',
    means: '文件无法读取或解析：例如符号链接循环、嵌套过深的 Markdown、YAML 别名展开过多。',
    message: (p) => `文件无法读取：${p.reason}`,
    hint: '检查这个文件（可在编辑器里打开看看）；改正后再运行检查。',
  }),
  'html-unclosed': rule<{ what: string }>({
    severity: 'error',
    means: '正文里的 HTML 注释（<!--）或 <textarea>、<script> 等标签没有结束：后面的正文全部不会出现在网站和印刷版上。',
    message: (p) => `${p.what}没有结束，它后面的正文全部不会出现在网站和印刷版上`,
    hint: '补上结束标记（注释是 -->），或删去这一段。',
  }),
  'page-geometry': rule<{ width: number; height: number }>({
    severity: 'error',
    means: 'publication.yaml 的版心太小：页边距几乎占满了页面，排不下正文。',
    message: (p) => `页边距之外只剩 ${p.width}×${p.height} 毫米，排不下正文`,
    hint: '减小 page.margins，或加大 page.width、page.height（版心至少 60×80 毫米）。',
  }),
  'no-front-matter': rule({
    severity: 'error',
    means: '文章开头没有以 --- 包围的前置信息（front matter）。',
    message: '文章没有前置信息（front matter）',
    hint: '文件第一行写 ---，接着写 title、section 等字段，再写一行 ---。',
  }),
  'empty-article': rule({
    severity: 'error',
    means: '文章没有正文。',
    message: '文章没有正文',
    hint: '在前置信息下面写正文，或删除这个文件。',
  }),
  'empty-issue': rule<{ imported?: 'magazine' | 'newspaper' }>({
    severity: 'error',
    means: '这一期还没有文章。',
    message: (p) => (p.imported ? '文中没有找到文章' : '这一期还没有文章'),
    hint: (p) =>
      p.imported === 'magazine'
        ? '检查目录是否列出了文章和页码。'
        : p.imported
          ? '检查这是否是报纸的一个版面。'
          : '加入文章（qikan new article），或删除这个文件夹。',
  }),
  'table-row-too-long': rule<{ cells: number; columns: number }>({
    severity: 'error',
    means: '表格的一行比表头多出单元格：多出的单元格不会出现在网站和印刷版上。',
    message: (p) => `这一行有 ${p.cells} 个单元格，表头只有 ${p.columns} 列，多出的 ${p.cells - p.columns} 个不会显示`,
    hint: '给表头补上列，或把多出的内容并入这一行的单元格（单元格里的 | 写作 \\|）。',
  }),
  'image-missing': rule<{ src: string; guess?: string }>({
    severity: 'error',
    means: '引用的图片文件不存在。',
    message: (p) => `图片“${p.src}”不存在` + (p.guess ? `，是不是“${p.guess}”？` : ''),
    hint: (p) => (p.guess ? `改为 ${p.guess}（文件名区分大小写）。` : '检查文件名和大小写，或把图片加进提交。'),
  }),
  'image-outside': rule<{ src: string; symlink: boolean }>({
    severity: 'error',
    means: '图片在本期文件夹以外（包括通过符号链接指到外面）。',
    message: (p) => (p.symlink ? `图片“${p.src}”是指向本期文件夹以外的符号链接` : `图片“${p.src}”在本期文件夹以外`),
    hint: IMAGE_HINT,
  }),
  'image-remote': rule<{ src: string }>({
    severity: 'error',
    means: '图片是网址或 data: 数据：印刷版不能依赖网络，图片须放在本期文件夹里。',
    message: (p) => `图片“${p.src.slice(0, 60)}”不是本期文件夹里的文件`,
    hint: IMAGE_HINT,
  }),
  'image-html': rule<{ src: string }>({
    severity: 'error',
    means: '图片用 HTML 的 <img> 写成：请用 Markdown 图片语法。',
    message: (p) => `图片“${p.src}”写成了 HTML 的 <img>`,
    hint: '用 Markdown 写图片：![图片说明](images/name.png)，图题（图N …）写在下一段。',
  }),
  'image-path': rule<{ src: string }>({
    severity: 'error',
    means: '图片路径无法解读（例如含有未转义的 %）。',
    message: (p) => `图片路径“${p.src}”无法解读`,
    hint: '路径中的 % 写作 %25，或给文件改名。',
  }),
  'image-unreadable': rule<{ src: string; reason: string }>({
    severity: 'error',
    means: '图片文件无法解读：空文件、文件不完整（例如没有传完的 JPEG）或不是图片。',
    message: (p) => `图片“${p.src}”无法解读：${p.reason}`,
    hint: '从原图重新导出 JPEG 或 PNG，确认能用看图软件打开后再提交。',
  }),
  'image-svg-script': rule<{ src: string; problem: string }>({
    severity: 'error',
    means: 'SVG 图片里含有脚本、事件属性、外部链接、动画或内嵌网页等一幅静态图用不到的内容，不能发布。',
    message: (p) => `SVG 图片“${p.src}”含有不能发布的内容：${p.problem}`,
    hint: '从作图软件重新导出不含脚本的 SVG，或导出为 PNG。',
  }),
  'image-too-large': rule<{ src: string; mb: string; limit: number }>({
    severity: 'error',
    means: '图片文件过大，会拖慢仓库和构建：请压缩或缩小后再提交。',
    message: (p) => `图片“${p.src}”有 ${p.mb} MB，超过 ${p.limit} MB`,
    hint: '照片存为质量 85 左右的 JPEG，图表存为 PNG；长边 5000 像素足够印刷。',
  }),
  'image-too-many-pixels': rule<{ src: string; width: number; height: number; limit: number }>({
    severity: 'error',
    means: '图片像素过多：印刷版每边 5000 像素已足够。',
    message: (p) => `图片“${p.src}”有 ${p.width}×${p.height} 像素，超过 ${p.limit} 百万像素`,
    hint: '把图片缩小到长边不超过 5000 像素。',
  }),
  'link-broken': rule<{ url: string; relative: boolean }>({
    severity: 'error',
    means: '链接在网站上打不开：相对路径（仓库里的文件不会发布），或站内地址没有对应的页面。',
    message: (p) =>
      p.relative ? `相对链接“${p.url}”在网站上打不开：仓库里的文件不会发布` : `站内链接“${p.url}”没有对应的页面`,
    hint: LINK_HINT,
  }),
  'unsafe-html': rule<{ tag: string; attribute?: string }>({
    severity: 'error',
    removedByBuild: true,
    means: '正文中的 HTML 含有脚本、事件属性、内嵌框架、样式等，发布时会被删除。',
    message: (p) =>
      p.attribute
        ? `<${p.tag}> 的属性“${p.attribute}”不允许使用，发布时会被删除`
        : `正文中的 HTML 标签 <${p.tag}> 不允许使用，发布时会被删除`,
    hint: (p) =>
      p.attribute
        ? '删除这个属性：正文不能带脚本、样式或不安全的链接。'
        : '删除这段 HTML：表格和图片用 Markdown 写，上下标可用 <sup>、<sub>。',
  }),
  'unsafe-link': rule<{ scheme: string }>({
    severity: 'error',
    removedByBuild: true,
    means: '链接使用 javascript:、vbscript: 或 data: 等不安全的协议，发布时会被删除。',
    message: (p) => `链接使用了不安全的协议“${p.scheme}:”，发布时会被删除`,
    hint: '只链接 http(s) 网址或邮箱（mailto:）。',
  }),
  'template-text': rule<{ placeholder: string; issue?: true }>({
    severity: 'warning',
    means: '还留着 qikan new article 或 qikan new issue 写下的占位文字，请换成真正的内容。',
    message: (p) => `还留着占位文字“${p.placeholder}”`,
    hint: (p) =>
      p.issue ? '写上这一期的封面标题和封面图的说明。' : '换成文章的内容（署名、摘要不需要时可删去整行）。',
  }),
  'bare-url': rule<{ url: string }>({
    severity: 'warning',
    means: '网址直接写在句子里，紧跟的中文被当成了网址的一部分。',
    message: (p) => `网址“${p.url}”把后面的中文也当成了网址的一部分`,
    hint: '写成 [显示的文字](网址)，或在网址后面空一格。',
  }),
  'unknown-aside': rule<{ marker: string; known: string }>({
    severity: 'warning',
    means: '引用块开头的 [!…] 标记不认识：它不会变成引语或资料框，而会原样印在引用里。',
    message: (p) => `不认识的标记“[!${p.marker}]”，会原样印出`,
    hint: (p) => `引语写 [!引语]，资料框写 [!资料] 标题（可用的标记：${p.known}）；只想引用一段话就删去这个标记。`,
  }),
  'title-too-long': rule<{ ems: number; room: number }>({
    severity: 'warning',
    means: '标题太长，在印刷版目录里一行排不下。',
    message: (p) => `标题约 ${p.ems} 个字宽，印刷版目录一行只排得下约 ${p.room} 个字`,
    hint: '缩短标题，把其余的话放进 subtitle（副标题）。',
  }),
  'zh-fullwidth-punctuation': zh(
    '中文句子里用了半角标点（, . : ; ? ! ( ) "），应使用全角标点。',
    '若不是英文缩写（如 U.S.）的点，改为全角标点“。”。',
  ),
  'zh-punctuation-unification': zh('标点应统一为简体中文的写法，例如「」改为“”。'),
  'zh-fullwidth-alphanumeric': zh('数字和拉丁字母应使用半角（ＡＢＣ１２３ 改为 ABC123）。'),
  'zh-space-han-latin': zh('汉字与英文、数字之间不加空格：排版时会自动留出间距。'),
  'zh-space-between-han': zh('汉字之间多了空格（姓名、机构之间的分隔如属有意，可以保留）。'),
  'zh-space-latin': zh('英文单词、数字之间应只有一个空格。'),
  'zh-space-punctuation': zh('标点前后多了或少了空格：全角标点前后不加空格。'),
  'zh-space-quotation': zh('引号内外多了空格。'),
  'zh-space-bracket': zh('括号内外多了空格。'),
  'zh-space-markdown': zh('Markdown 标记（加粗、链接等）内侧多了空格。'),
  'zh-space-trim': zh('段落首尾多了空格。'),
};

export type RuleId = keyof typeof RULES;
/** The rules of Chinese text (zhlint's findings). */
export type ZhRuleId = Extract<RuleId, `zh-${string}`>;

/** The YAML errors a writer makes, said in Chinese (the reason of a yaml-syntax finding); any other keeps the parser's own words. */
export const YAML_ERRORS: Partial<Record<YAMLError['code'], string>> = {
  BLOCK_AS_IMPLICIT_KEY: '值里有“冒号加空格”，被当成了又一个字段，或者下一行多了缩进',
  MULTILINE_IMPLICIT_KEY: '字段名和冒号必须写在同一行，下一行不能缩进',
  DUPLICATE_KEY: '同一个字段写了两次',
  MISSING_CHAR: '引号没有配对',
  BAD_INDENT: '缩进或括号不对',
  TAB_AS_INDENT: '缩进里有 Tab 键，只能用空格缩进',
  UNEXPECTED_TOKEN: '值以 [、{ 或引号开头，YAML 把它当成了列表或其他结构',
};
type ParamsOf<R extends RuleId> = (typeof RULES)[R] extends Rule<infer P> ? P : never;

/** Where a finding is: the file (relative to the publication root), its line and column, the field. */
export type FindingPlace = Pick<Finding, 'file' | 'line' | 'column' | 'field'>;

type Params<R extends RuleId> = ParamsOf<R> extends void ? [] : [ParamsOf<R>];

/** A finding of a rule at a place, its message and hint made from the catalogue. */
export function finding<R extends RuleId>(rule: R, place: FindingPlace, ...params: Params<R>): Finding {
  return { ...place, ...described(rule, ...params) };
}

/** A rule's id, message and hint for these parameters, for code that reports a finding whose file it does not know. */
export function described<R extends RuleId>(rule: R, ...params: Params<R>): Pick<Finding, 'rule' | 'message' | 'hint'> {
  const def = RULES[rule] as Rule<unknown>;
  const p =
    params[0] &&
    Object.fromEntries(
      Object.entries(params[0]).map(([k, v]) => [k, QUOTED.has(k) && typeof v === 'string' ? shorten(v) : v]),
    );
  const text = (t: Text<unknown> | undefined) => (typeof t === 'function' ? t(p) : t);
  const hint = text(def.hint);
  return { rule, message: text(def.message)!, ...(hint ? { hint } : {}) };
}
