import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { PageFacts, TightenedRun } from './layout.ts';
import { CLASS, groupRuns } from './runtime/contract.ts';

/** One run of an issue's print document, as its HTML says: what it is made of, to be cached by. */
export interface RunSource {
  /** The run's elements as written, with their text, attributes and image URLs (named by content). */
  html: string;
  /** The ids of its elements: a link to one of them points into this run. */
  ids: Set<string>;
}

/**
 * The print document split into its runs by the rule the print runtime follows (contract.ts `groupRuns`): every
 * element of the body starts one, except those marked to run on. `head` is all before the body's first element:
 * the stylesheets and scripts, named by content hash, and the page rules.
 */
export function splitRuns(html: string): { head: string; runs: RunSource[] } {
  const tree = fromHtml(html);
  let body: Element | undefined;
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'body') return;
    body = node;
    return false;
  });
  const elements = (body?.children ?? []).filter(
    (c): c is Element => c.type === 'element' && !['script', 'template', 'style'].includes(c.tagName),
  );
  if (!elements.length) return { head: html, runs: [] };
  const runsOn = (el: Element) => ((el.properties.className as string[] | undefined) ?? []).includes(CLASS.runOn);
  const runs = groupRuns(elements, runsOn).map((group) => {
    const ids = new Set<string>();
    for (const el of group)
      visit(el, 'element', (node) => {
        if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      });
    return { html: html.slice(group[0]!.position!.start.offset, group.at(-1)!.position!.end.offset), ids };
  });
  return { head: html.slice(0, elements[0]!.position!.start.offset), runs };
}

/** A short content hash of the parts given, in order. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 24);
}

/** What the placement needs of a paginated run. */
export interface RunPages {
  facts: PageFacts[];
  startSide: 'left' | 'right' | null;
}

/**
 * The runs one after another in the issue: each page's side (the first page is a right-hand one), and a blank
 * page before a run that asks for the other side than the one it would start on. `first` is each run's first
 * page, 0-based.
 */
export function placeRuns(runs: RunPages[]): { facts: PageFacts[]; first: number[]; blankBefore: boolean[] } {
  const facts: PageFacts[] = [];
  const first: number[] = [];
  const blankBefore: boolean[] = [];
  const sideAt = (i: number) => (i % 2 === 0 ? 'right' : 'left');
  for (const run of runs) {
    const blank = !!run.startSide && facts.length > 0 && sideAt(facts.length) !== run.startSide;
    if (blank)
      facts.push({
        kind: 'blank',
        side: sideAt(facts.length),
        starts: [],
        overflow: false,
        faults: [],
        notes: [],
        fill: 0,
        moved: [],
        bleeds: false,
      });
    blankBefore.push(blank);
    first.push(facts.length);
    for (const page of run.facts) facts.push({ ...page, side: sideAt(facts.length) });
  }
  return { facts, first, blankBefore };
}

/** The runs the copyfit set tighter (their pages carry `tightened`), as PDF pages from `placeRuns`' `first`. */
export function tightenedRuns(runs: RunPages[], first: number[]): TightenedRun[] {
  return runs.flatMap((run, k) => {
    const leading = run.facts[0]?.tightened;
    return leading ? [{ from: first[k]! + 1, to: first[k]! + run.facts.length, leading }] : [];
  });
}
