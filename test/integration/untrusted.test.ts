import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { eachElement } from '../../src/core/markdown/hast.ts';
import { build, projectDir, qikan, type Built } from '../helpers/build.ts';

// A contributor's article that tries every way of putting code into the site or the print document.
const ATTACK = `---
title: "<img src=x onerror=alert(1)>标题"
section: news
summary: "<script>alert(2)</script>"
---
正文<script>alert(3)</script>。

<a href="#top" onmouseover="alert(4)">悬停</a>

[点我](javascript:alert(5)) [也点我](vbscript:msgbox(6)) [数据](data:text/html;base64,PHNjcmlwdD4=)

<iframe src="https://example.org/x"></iframe><object data="x.swf"></object><embed src="x.swf">

<style>body{display:none}</style><link rel="stylesheet" href="https://example.org/x.css"><meta http-equiv="refresh" content="0;url=https://example.org"><base href="https://example.org/">

<form action="https://example.org"><input name="q"></form>

<svg><script>alert(7)</script><a xlink:href="javascript:alert(8)">x</a></svg>

<p style="background:url(https://example.org/t.png)" onclick="alert(9)">样式</p>
`;

describe('untrusted Markdown', () => {
  let built: Built;
  // Publication and output outside the project: a build must work from anywhere (--root, --out).
  const root = path.join(os.tmpdir(), 'qikan-attack-root');
  beforeAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.cpSync(path.join(projectDir, 'test/fixtures/mini'), root, { recursive: true });
    fs.writeFileSync(path.join(root, 'issues/2025-01/09-attack.md'), ATTACK);
    built = build(root, path.join(os.tmpdir(), 'qikan-attack-out'), ['--no-pdf', '--print-documents']);
  });

  it('never reaches a reader as code, in the site or the print document', () => {
    for (const page of ['2025-01/attack', 'print/2025-01', '2025-01', '']) {
      const problems: string[] = [];
      eachElement(fromHtml(built.html(page)), (el) => {
        const props = el.properties;
        // Scripts: the page's own JSON-LD (data, with no "<" to close the element) and the print step's own code.
        const data = props.type === 'application/ld+json' && !toString(el).includes('<');
        if (el.tagName === 'script' && !data && (page !== 'print/2025-01' || toString(el).includes('alert')))
          problems.push('a script');
        if (['iframe', 'object', 'embed', 'base'].includes(el.tagName)) problems.push(`<${el.tagName}>`);
        // The one form is the site's search box.
        if (el.tagName === 'form' && props.action !== '/search/') problems.push(`<form action=${props.action}>`);
        if (el.tagName === 'input' && props.type !== 'search') problems.push('<input>');
        // The one http-equiv is the site's own Content-Security-Policy.
        if (el.tagName === 'meta' && props.httpEquiv && String(props.httpEquiv) !== 'Content-Security-Policy')
          problems.push(`<meta http-equiv=${props.httpEquiv}>`);
        if (el.tagName === 'style' && toString(el).includes('display:none')) problems.push('an article <style>');
        if (el.tagName === 'link' && String(props.href).includes('example.org/x.css'))
          problems.push('a <link> of the article');
        for (const [key, value] of Object.entries(props)) {
          if (/^on/i.test(key)) problems.push(`${key} on <${el.tagName}>`);
          if (
            /^(href|src|action|xLinkHref|formAction)$/.test(key) &&
            /^\s*(javascript|vbscript|data:text)/i.test(String(value))
          )
            problems.push(`${key}=${value}`);
          if (key === 'style' && /url\(/i.test(String(value))) problems.push(`style=${value}`);
        }
      });
      expect(problems, page || 'home').toEqual([]);
    }
  });

  it('builds, and lists what the site removed', () => {
    expect(built.stdout).toContain(
      'removed from the site: issues/2025-01/09-attack.md:6:3 错误 unsafe-html 正文中的 HTML 标签 <script>',
    );
    expect(built.stdout).toContain('removed from the site: issues/2025-01/09-attack.md:10:1 错误 unsafe-link');
  });

  it('shows front matter as text', () => {
    const html = built.html('2025-01/attack');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;标题');
  });

  it('is reported by qikan check, each attack on its line', () => {
    const r = qikan(['check', '--root', root, '--format', 'json', 'issues/2025-01/09-attack.md']);
    expect(r.status).toBe(1);
    const found = (JSON.parse(r.stdout) as { line: number; column: number; rule: string; message: string }[])
      .filter((f) => f.rule.startsWith('unsafe-'))
      .map((f) => `${f.line}:${f.column} ${f.message.match(/<\w+>|“[^”]+”/g)!.join(' ')}`);
    expect(found).toEqual([
      '6:3 <script>',
      '8:1 <a> “onmouseover”',
      '10:1 “javascript:”',
      '10:27 “vbscript:”',
      '10:53 “data:”',
      '12:1 <iframe>',
      '12:46 <object>',
      '12:76 <embed>',
      '14:1 <style>',
      '14:34 <link>',
      '14:90 <meta>',
      '14:153 <base>',
      '16:1 <form>',
      '16:36 <input>',
      '18:1 <svg>',
      '18:6 <script>',
      '18:31 <a> “xlink:href”',
      '20:1 <p> “style”',
      '20:1 <p> “onclick”',
    ]);
  });
});
