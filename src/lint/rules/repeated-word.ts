import type { Finding, LintInput, LintRule } from '../types';

// Doubles that English means: "had had", "that that", "bye bye", "knock knock".
const MEANT = new Set(['had', 'that', 'ha', 'bye', 'no', 'so', 'very', 'now', 'there', 'well', 'knock', 'chop', 'tut', 'tsk', 'hush', 'boo', 'la', 'blah', 'yada', 'oh', 'ah', 'uh', 'mm', 'hmm', 'yeah', 'go', 'pom', 'cha', 'bang', 'tick', 'tock', 'ding', 'dong', 'night', 'bravo', 'encore', 'cut', 'more', 'again', 'faster', 'louder', 'is']);

/** The same word twice in a row ("the the"), separated only by spaces or a line break. */
export const repeatedWord: LintRule = {
  id: 'repeated-word',
  title: 'A word written twice',
  run({ source, prose }: LintInput): Finding[] {
    const findings: Finding[] = [];
    for (const block of prose.blocks) {
      for (let i = 1; i < block.words.length; i++) {
        const a = block.words[i - 1]!;
        const b = block.words[i]!;
        // Most neighbours differ in length: skip them before lower-casing anything.
        if (a.text.length !== b.text.length) continue;
        // Nor words whose first letters differ, where ASCII answers that without lower-casing.
        const [x, y] = [a.text.charCodeAt(0), b.text.charCodeAt(0)];
        if (x < 128 && y < 128 && (x | 32) !== (y | 32)) continue;
        const lower = a.text.toLowerCase();
        if (lower !== b.text.toLowerCase() || a.context !== b.context || !/\p{L}/u.test(lower) || MEANT.has(lower)) continue;
        if (!/^[ \t]*\n?[ \t]*$/.test(source.slice(a.to, b.from)) || a.to === b.from) continue;
        // "Duran Duran", "Walla Walla", "The The": both capitalised is a name.
        const capital = (text: string) => text[0] !== text[0]!.toLowerCase();
        if (capital(a.text) && capital(b.text)) continue;
        findings.push({
          rule: 'repeated-word',
          severity: 'warning',
          message: `“${a.text}” is written twice.`,
          from: a.from,
          to: b.to,
          suggestions: [a.text],
        });
      }
    }
    return findings;
  },
};
