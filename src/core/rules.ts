/**
 * Every rule a finding can come from: its id (English, stable: scripts and CONTRIBUTING.md refer to it), whether
 * it fails `qikan check` and stops a build (error) or fails only `qikan check --strict` (warning), and what it
 * means, in Chinese. Two errors do not stop a build, which removes what they find (`removedByBuild`): the site's
 * sanitizer is the guarantee, the check tells the contributor.
 */
export const RULES = {
  'yaml-syntax': { severity: 'error', means: 'YAML 写法有误（缩进、冒号、引号），文件无法读取。' },
  encoding: { severity: 'error', means: '文件不是 UTF-8 编码（例如存成了 GBK），网站和印刷版上会是乱码。' },
  'missing-file': { severity: 'error', means: '缺少必需的文件（publication.yaml 或某期的 issue.yaml）。' },
  'missing-field': { severity: 'error', means: '缺少必填字段，例如文章的 title 或 section。' },
  'invalid-value': { severity: 'error', means: '字段的值不合要求，例如日期不是 YYYY-MM-DD、布尔值不是 true/false。' },
  'unknown-key': { severity: 'error', means: '出现了不认识的字段名，多半是拼写错误；提示会给出最接近的字段名。' },
  'unknown-section': { severity: 'error', means: 'section 不是 publication.yaml 中列出的栏目 id。' },
  'missing-order': { severity: 'error', means: '文章没有顺序号：文件名以 NN- 开头，或写 order 字段。' },
  'duplicate-order': { severity: 'error', means: '同一期里两篇文章用了同一个顺序号。' },
  'duplicate-slug': { severity: 'error', means: '同一期里两篇文章的网址相同（文件名去掉顺序号后相同）。' },
  'file-name': { severity: 'error', means: '文件名或期号文件夹名不能用作网址：只用小写英文字母、数字和连字符。' },
  'no-front-matter': { severity: 'error', means: '文章开头没有以 --- 包围的前置信息（front matter）。' },
  'empty-article': { severity: 'error', means: '文章没有正文。' },
  'empty-issue': { severity: 'error', means: '这一期还没有文章。' },
  'image-missing': { severity: 'error', means: '引用的图片文件不存在。' },
  'image-outside': { severity: 'error', means: '图片在本期文件夹以外（包括通过符号链接指到外面）。' },
  'image-remote': { severity: 'error', means: '图片是网址或 data: 数据：印刷版不能依赖网络，图片须放在本期文件夹里。' },
  'image-html': { severity: 'error', means: '图片用 HTML 的 <img> 写成：请用 Markdown 图片语法。' },
  'image-path': { severity: 'error', means: '图片路径无法解读（例如含有未转义的 %）。' },
  'image-svg-script': { severity: 'error', means: 'SVG 图片里含有脚本、事件属性或内嵌网页，不能发布。' },
  'image-too-large': { severity: 'error', means: '图片文件过大，会拖慢仓库和构建：请压缩或缩小后再提交。' },
  'image-too-many-pixels': { severity: 'error', means: '图片像素过多：印刷版每边 5000 像素已足够。' },
  'link-broken': {
    severity: 'error',
    means: '链接在网站上打不开：相对路径（仓库里的文件不会发布），或站内地址没有对应的页面。',
  },
  'unsafe-html': {
    severity: 'error',
    removedByBuild: true,
    means: '正文中的 HTML 含有脚本、事件属性、内嵌框架、样式等，发布时会被删除。',
  },
  'unsafe-link': {
    severity: 'error',
    removedByBuild: true,
    means: '链接使用 javascript:、vbscript: 或 data: 等不安全的协议，发布时会被删除。',
  },
  'template-text': {
    severity: 'warning',
    means: '还留着 qikan new article 写下的占位文字（括号里的提示），请换成文章的内容。',
  },
  'bare-url': { severity: 'warning', means: '网址直接写在句子里，紧跟的中文被当成了网址的一部分。' },
  'title-too-long': { severity: 'warning', means: '标题太长，在印刷版目录里一行排不下。' },
  'zh-fullwidth-punctuation': {
    severity: 'warning',
    means: '中文句子里用了半角标点（, . : ; ? ! ( ) "），应使用全角标点。',
  },
  'zh-punctuation-unification': { severity: 'warning', means: '标点应统一为简体中文的写法，例如「」改为“”。' },
  'zh-fullwidth-alphanumeric': { severity: 'warning', means: '数字和拉丁字母应使用半角（ＡＢＣ１２３ 改为 ABC123）。' },
  'zh-space-han-latin': { severity: 'warning', means: '汉字与英文、数字之间不加空格：排版时会自动留出间距。' },
  'zh-space-between-han': {
    severity: 'warning',
    means: '汉字之间多了空格（姓名、机构之间的分隔如属有意，可以保留）。',
  },
  'zh-space-latin': { severity: 'warning', means: '英文单词、数字之间应只有一个空格。' },
  'zh-space-punctuation': { severity: 'warning', means: '标点前后多了或少了空格：全角标点前后不加空格。' },
  'zh-space-quotation': { severity: 'warning', means: '引号内外多了空格。' },
  'zh-space-bracket': { severity: 'warning', means: '括号内外多了空格。' },
  'zh-space-markdown': { severity: 'warning', means: 'Markdown 标记（加粗、链接等）内侧多了空格。' },
  'zh-space-trim': { severity: 'warning', means: '段落首尾多了空格。' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; removedByBuild?: true; means: string }>;

export type RuleId = keyof typeof RULES;
