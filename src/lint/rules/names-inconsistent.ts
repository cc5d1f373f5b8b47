import { fold, skeletonDistance, skeletons } from '../fold';
import { isDistinctive } from '../names';
import type { Finding, LintInput, LintRule } from '../types';
import { lowerCaseWords, nameParts, startsCapital } from './names-near-miss';

interface Spelling {
  text: string;
  skeletons: string[];
  first: number;
  places: Array<{ from: number; to: number }>;
}

/** Whether two spellings are one name written two ways (not two names, not a name and its adjective). */
function sameName(a: Spelling, b: Spelling): boolean {
  const [ka, kb] = [a.skeletons[0]!, b.skeletons[0]!];
  if (ka[0] !== kb[0]) return false;
  const [fa, fb] = [fold(a.text), fold(b.text)];
  // "Hutter" and "Hutters" are a name and its plural, unless the ending is a variant ("-sky", "-skiy").
  if (fa.startsWith(fb) || fb.startsWith(fa)) return skeletonDistance(a.skeletons, b.skeletons, 0) === 0;
  // One slip is allowed between long names only: short ones differ by a letter and are different people.
  const allowed = Math.min(ka.length, kb.length) >= 9 ? 1 : 0;
  return skeletonDistance(a.skeletons, b.skeletons, allowed) <= allowed;
}

/** Spellings that are one name, in groups of two or more (union-find over `sameName`). */
function groupsOf(list: readonly Spelling[]): Spelling[][] {
  const parent = list.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (Math.abs(list[i]!.skeletons[0]!.length - list[j]!.skeletons[0]!.length) > 2) continue;
      if (sameName(list[i]!, list[j]!)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Spelling[]>();
  list.forEach((spelling, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), spelling]));
  return [...groups.values()].filter((group) => group.length >= 2);
}

// Whether a word can only be a name, and its skeletons, depend on the word alone: remembered
// across runs (the critic's next pause reads mostly the same words). Bounded: a long session forgets.
const skeletonsOfNames = new Map<string, string[] | null>();

/** A name-like word's skeletons, or null when the word is not distinctive (see `isDistinctive`). */
function nameSkeletons(text: string): string[] | null {
  let known = skeletonsOfNames.get(text);
  if (known === undefined) {
    known = isDistinctive(text) ? skeletons(text) : null;
    if (skeletonsOfNames.size >= 20_000) skeletonsOfNames.clear();
    skeletonsOfNames.set(text, known);
  }
  return known;
}

/**
 * One name spelt two ways in the same review ("Konchalovsky" and "Konchalovskiy"), for names the
 * metadata does not know (those are the near-miss check's). The spelling used most (or first)
 * is suggested for the others.
 */
export const nameInconsistent: LintRule = {
  id: 'name-inconsistent',
  title: 'One name spelt two ways in the review',
  run({ prose, names }: LintInput): Finding[] {
    const spellings = new Map<string, Spelling>();
    for (const word of prose.words) {
      if (!startsCapital(word.text)) continue;
      for (const part of nameParts(word, names.exact)) {
        const name = nameSkeletons(part.text);
        if (!name) continue;
        const spelling = spellings.get(part.text) ?? { text: part.text, skeletons: name, first: part.from, places: [] };
        spelling.places.push({ from: part.from, to: part.to });
        spellings.set(part.text, spelling);
      }
    }
    // A word the review also writes in lower case is an ordinary word ("Svelte", "svelte"). Asked
    // only of spellings that have a twin, then those left are grouped again.
    const lowerWords = lowerCaseWords(prose.words);
    const paired = groupsOf([...spellings.values()]).flat();
    const named = paired.filter((spelling) => !lowerWords.has(spelling.text.toLowerCase()));

    const findings: Finding[] = [];
    for (const group of groupsOf(named)) {
      // A name the metadata knows is the near-miss check's to report.
      if (group.some((s) => names.exact.has(s.text.toLowerCase()))) continue;
      const chosen = [...group].sort((a, b) => b.places.length - a.places.length || a.first - b.first)[0]!;
      const times = chosen.places.length === 1 ? 'once' : chosen.places.length === 2 ? 'twice' : `${chosen.places.length} times`;
      for (const spelling of group) {
        if (spelling === chosen) continue;
        for (const place of spelling.places) {
          findings.push({
            rule: 'name-inconsistent',
            severity: 'warning',
            message: `“${spelling.text}” is written “${chosen.text}” elsewhere in this review (${times}). Use one spelling.`,
            from: place.from,
            to: place.to,
            suggestions: [chosen.text],
          });
        }
      }
    }
    return findings;
  },
};
