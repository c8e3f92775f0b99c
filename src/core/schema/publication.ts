import { z } from 'zod';
import { KIND_IDS } from '../../kinds/index.ts';
import { columnsSchema } from './columns.ts';

const length = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|pt|px)$/, '长度应写成“210mm”“8.5in”或“12pt”这样的形式');

export const sectionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, '栏目 id 只用小写英文字母、数字和连字符'),
  title: z.string().min(1),
  english: z.string().optional(),
  /** The section's colour in print (band or opener, section label) and on the web, e.g. "#0b4a8b". */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, '颜色应写成 #rrggbb')
    .default('#0b4a8b'),
  /** Body text in two columns for the section's articles (an article's own `columns` wins). */
  columns: columnsSchema.default(1),
  /** Each article of the section laid out as a page of its own, on a tinted ground (the association page). */
  fullPage: z.boolean().default(false),
  /** A full page in the section's colour before its first article; without it the article carries a band. */
  opener: z.boolean().default(false),
  /** Its articles run on, each below the one before after a rule, unless one sets `newPage: true` (news items). */
  runOn: z.boolean().default(false),
});

/**
 * What China's rules for a newspaper's form (《报纸期刊质量管理规定》) ask every issue to print, and the paper's grid.
 * Only for `kind: newspaper`.
 */
export const newspaperSchema = z.strictObject({
  /** 国内统一连续出版物号, e.g. "CN 33-0123/F". */
  cn: z.string().regex(/^CN ?\d{2}-\d{4}\/[A-Z]$/, '国内统一连续出版物号写成“CN 33-0123/F”这样的形式'),
  /** 主管单位. */
  authority: z.string().min(1),
  /** 主办单位. */
  sponsors: z.array(z.string().min(1)).min(1),
  /** 印刷单位. */
  printer: z.string().min(1),
  /** 定价, e.g. "每份1.50元". */
  price: z.string().min(1),
  /** The page's grid: how many columns, and the gutter between them (a rule stands in each). */
  columns: z.number().int().min(3).max(10).default(5),
  gutter: length.default('4mm'),
});

export const publicationSchema = z
  .strictObject({
    name: z.string().min(1),
    englishName: z.string().optional(),
    kind: z.enum(KIND_IDS).default('magazine'),
    frequency: z.string().default('月刊'),
    language: z.string().default('zh-CN'),
    /** Where the website is published: canonical URLs, the feed and the sitemap are made from it. */
    siteUrl: z
      .url({ protocol: /^https?$/ })
      .refine((u) => new URL(u).pathname === '/', '网站须位于网址的根路径，例如 https://magazine.example.org')
      .optional(),
    publisherLines: z.array(z.string()).default([]),
    sections: z
      .array(sectionSchema)
      .min(1)
      .refine((s) => new Set(s.map((x) => x.id)).size === s.length, '栏目 id 不能重复'),
    page: z.strictObject({
      width: length,
      height: length,
      margins: z.strictObject({ top: length, bottom: length, inner: length, outer: length }),
    }),
    print: z
      .strictObject({
        /** Start each section (its opener), or each article, on a right-hand page; a blank left page fills in. */
        startOnRight: z.enum(['none', 'sections', 'articles']).default('none'),
        /**
         * Copyfit: a run of pages (an article and those that run on below it) whose last page would hold a few
         * lines is set again with its leading up to 6 % less, where that saves the page.
         */
        copyfit: z.boolean().default(true),
        /** How far covers, openers and images at the trim edge reach past it in a print-ready PDF. */
        bleed: length.default('3mm'),
        /** The white margin around the bleed where the crop marks are drawn: outside the BleedBox, as presses want. */
        slug: length.default('8mm'),
        /** The CMYK file (`--cmyk`): the printing condition it is made for, as its PDF/X output intent says. */
        cmyk: z
          .strictObject({
            /** A CMYK ICC profile, relative to the publication folder or absolute. */
            profile: z.string().min(1).default('/usr/share/color/icc/ghostscript/default_cmyk.icc'),
            /** The registered name of the condition (OutputConditionIdentifier), e.g. "FOGRA39" or "JC200103". */
            condition: z.string().min(1).default('CGATS TR 001'),
            /** Its description (Info). */
            info: z.string().min(1).default('SWOP (Publication) Grade 1 Paper'),
            /** Where the condition is registered. */
            registry: z.string().default('http://www.color.org'),
          })
          .prefault({}),
      })
      .prefault({}),
    disclaimer: z.string().optional(),
    imprint: z.strictObject({
      publisher: z.array(z.string()).min(1),
      address: z.string(),
      submissions: z.string().optional(),
      website: z.string().optional(),
      phone: z.string().optional(),
      fax: z.string().optional(),
    }),
    newspaper: newspaperSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'newspaper' && !p.newspaper)
      ctx.addIssue({
        code: 'custom',
        path: ['newspaper'],
        message:
          '报纸（kind: newspaper）须写 newspaper：cn（国内统一连续出版物号）、authority（主管）、sponsors（主办）、printer（印刷）、price（定价）',
      });
  });

export type Publication = z.output<typeof publicationSchema>;
export type Section = z.output<typeof sectionSchema>;
