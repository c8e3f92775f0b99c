import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Finding } from './findings.ts';
import { readUtf8 } from './read-text.ts';
import { finding } from './rules.ts';
import { parseYaml, validateYaml, type YamlSource } from './yaml-source.ts';

/** A YAML file of the publication (publication.yaml, issue.yaml), parsed and validated; its problems reported. */
export function readYamlFile<T>(
  file: string,
  rel: (p: string) => string,
  schema: z.ZodType<T>,
  findings: Finding[],
): { data?: T; source?: YamlSource } {
  if (!fs.existsSync(file)) {
    findings.push(finding('missing-file', { file: rel(file), line: 1 }, { name: path.basename(file) }));
    return {};
  }
  const text = readUtf8(file);
  if (text === undefined) {
    findings.push(encodingFinding(rel(file)));
    return {};
  }
  const parsed = parseYaml(text, rel(file));
  findings.push(...parsed.findings);
  if (!parsed.source) return {};
  const { data, findings: f } = validateYaml(parsed.source, schema);
  findings.push(...f);
  return { data, source: parsed.source };
}

export function encodingFinding(file: string): Finding {
  return finding('encoding', { file, line: 1 });
}
