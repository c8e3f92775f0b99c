import { isBlank, type Line } from './lines.ts';
import { PROSE_PUNCTUATION, titleKey, titleSimilarity } from './text.ts';

/** Where a 目录 entry's title was found in the body, and how sure the match is. */
export interface TitleMatch {
  /** Index into the lines array of the title's first line; the title may run over `lines.length` lines. */
  at: number;
  lines: number[];
  /** The title as printed in the body (its lines joined). */
  text: string;
  score: number;
  how: 'exact' | 'close' | 'fuzzy';
}

/** Scores at or above this are sure (equal keys, one containing most of the other, a character or two apart). */
const STRONG = 0.85;
/** The least similarity a fuzzy match needs (about two thirds of the bigrams in common). */
const FUZZY = 0.6;

/** A line that can be (part of) a title: a heading, or a short line that reads as a title, not as prose. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if (!t || t.includes('\t') || /^[-*+>|]\s/.test(t)) return false;
  if (/^#{1,6}\s/.test(t)) return true;
  const plain = t.replace(/\*\*/g, '');
  const clauses = plain.match(/[，,、；;]/g)?.length ?? 0;
  return plain.length <= 60 && !/[。；;]/.test(plain) && clauses <= 2;
}

/** Title candidates starting at line index i: the line alone, and with the next one or two title-like lines. */
function candidatesAt(lines: Line[], i: number): { lines: number[]; text: string; at: number }[] {
  const out: { lines: number[]; text: string; at: number }[] = [];
  if (!isTitleLike(lines[i]!.text)) return out;
  let text = '';
  const taken: number[] = [];
  let j = i;
  for (let k = 0; k < 3 && j < lines.length; k++) {
    const l = lines[j]!;
    // A heading's second line may have lost its marks; a plain title's may not have gained them.
    if (!isTitleLike(l.text) || (k > 0 && /^#{1,6}\s/.test(l.text) && !/^#{1,6}\s/.test(lines[i]!.text))) break;
    text += (text ? ' ' : '') + l.text.trim().replace(/^#{1,6}\s*/, '');
    taken.push(l.n);
    out.push({ lines: [...taken], text, at: i });
    // Allow one blank line between the parts of a title broken over lines.
    j++;
    if (isBlank(lines[j]) && !isBlank(lines[j + 1])) j++;
  }
  return out;
}

function best(title: string, lines: Line[], from: number, to: number, min: number): TitleMatch | undefined {
  let found: TitleMatch | undefined;
  const key = titleKey(title);
  for (let i = from; i < to; i++) {
    for (const c of candidatesAt(lines, i)) {
      const score = titleSimilarity(key, c.text);
      // Equal scores: the earlier line, then the longer title (all of its lines).
      if (score >= min && (!found || score > found.score || (score === found.score && c.at === found.at))) {
        found = {
          at: c.at,
          lines: c.lines,
          text: c.text,
          score,
          how: score === 1 ? 'exact' : score >= STRONG ? 'close' : 'fuzzy',
        };
      }
    }
  }
  return found;
}

/**
 * Finds each 目录 title in the body, in 目录 order. First the sure matches (equal after normalisation, or a
 * close variant): of all the places each title is found, the choice that keeps the most titles in 目录 order
 * (a title quoted in an earlier article's text cannot push the rest out of place). Then, between two sure
 * matches, the best fuzzy match for each title still missing. Undefined for a title found neither way.
 */
export function matchTitles(titles: string[], lines: Line[], from = 0, to = lines.length): (TitleMatch | undefined)[] {
  const options = titles.map((title) => strongCandidates(title, lines, from, to));
  const found = longestInOrder(options);
  for (const [k, title] of titles.entries()) {
    if (found[k]) continue;
    const prev = found.slice(0, k).findLast(Boolean);
    const next = found.slice(k + 1).find(Boolean);
    const lo = prev ? prev.at + prev.lines.length : from;
    const hi = next ? next.at : to;
    const m = best(title, lines, lo, hi, FUZZY);
    if (m) found[k] = m;
  }
  return found;
}

/** Every sure match of a title: at each line, its best extent. */
function strongCandidates(title: string, lines: Line[], from: number, to: number): TitleMatch[] {
  const key = titleKey(title);
  const out: TitleMatch[] = [];
  for (let i = from; i < to; i++) {
    let found: TitleMatch | undefined;
    for (const c of candidatesAt(lines, i)) {
      const score = titleSimilarity(key, c.text);
      if (score >= STRONG && (!found || score > found.score)) {
        found = { at: i, lines: c.lines, text: c.text, score, how: score === 1 ? 'exact' : 'close' };
      }
    }
    if (found) out.push(found);
  }
  return out;
}

/** One match per title (or none), in strictly increasing position: the most titles placed, then the best scores. */
function longestInOrder(options: TitleMatch[][]): (TitleMatch | undefined)[] {
  type State = { count: number; score: number; pick: (TitleMatch | undefined)[]; end: number };
  // states[j]: best assignment so far whose last placed match ends before position j (kept sparse by end).
  let states: State[] = [{ count: 0, score: 0, pick: [], end: -1 }];
  for (const opts of options) {
    const next: State[] = states.map((s) => ({ ...s, pick: [...s.pick, undefined] }));
    for (const m of opts) {
      let bestPrev: State | undefined;
      for (const s of states) {
        if (
          s.end < m.at &&
          (!bestPrev || s.count > bestPrev.count || (s.count === bestPrev.count && s.score > bestPrev.score))
        )
          bestPrev = s;
      }
      if (bestPrev)
        next.push({
          count: bestPrev.count + 1,
          score: bestPrev.score + m.score,
          pick: [...bestPrev.pick, m],
          end: m.at + m.lines.length - 1,
        });
    }
    // Keep, for each end position, only the best state (and drop states dominated by one ending earlier).
    next.sort((a, b) => a.end - b.end || b.count - a.count || b.score - a.score);
    states = [];
    for (const s of next) {
      const last = states.at(-1);
      if (last && (last.count > s.count || (last.count === s.count && last.score >= s.score))) continue;
      states.push(s);
    }
  }
  const bestState = states.reduce((a, b) => (b.count > a.count || (b.count === a.count && b.score > a.score) ? b : a));
  return bestState.pick;
}
