import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownProcessor } from '../../src/core/markdown/pipeline.ts';

// Golden fixtures: fixtures/<case>/input.md rendered through the project's one Markdown processor must equal
// fixtures/<case>/output.html; fixtures/<case>/options.json, where there is one, gives the render options (e.g. the
// article's front matter). Set UPDATE_GOLDEN=1 to rewrite the outputs after a deliberate change (and review them).
const dir = path.join(import.meta.dirname, 'fixtures');
const renderer = await markdownProcessor.createRenderer({ syntaxHighlight: false });

describe('Markdown pipeline', () => {
  for (const name of fs.readdirSync(dir).sort()) {
    it(name, async () => {
      const input = fs.readFileSync(path.join(dir, name, 'input.md'), 'utf8');
      const optionsFile = path.join(dir, name, 'options.json');
      const options = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {};
      const { code } = await renderer.render(input, options);
      const expectedFile = path.join(dir, name, 'output.html');
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(expectedFile, code.trim() + '\n');
      expect(code.trim()).toBe(fs.readFileSync(expectedFile, 'utf8').trim());
    });
  }
});
