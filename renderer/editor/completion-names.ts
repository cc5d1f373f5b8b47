import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { Facet, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { fold } from '../../src/lint/fold';
import { WORD, isDistinctive, type KnownName } from '../../src/lint/names';
import { splitFrontMatter } from '../../src/review/front-matter';

/**
 * The names the metadata knows (cast, characters, crew, the title, the review's `names`), fed in
 * by the app from the front matter it has read. Completion reads them here and fetches nothing.
 */
export const knownNames = Facet.define<readonly KnownName[], readonly KnownName[]>({
  combine: (values) => values.flat(),
});

// Where a name makes no sense: code, links' addresses, raw HTML.
const NOT_PROSE = /^(InlineCode|FencedCode|CodeBlock|CodeText|CodeMark|URL|HTMLTag|HTMLBlock|Comment|LinkLabel)$/;
const TYPED = /[\p{L}\p{M}][\p{L}\p{M}'’-]*$/u;

interface Candidate {
  completion: Completion;
  /** Folded words that typing may start with: the label's own words. */
  starts: string[];
  /** Lower ranks come first: the whole name before one of its words. */
  rank: number;
}

/** What each name offers: the whole name, and each of its distinctive words ("Schreck" for Max Schreck). */
export function nameCandidates(names: readonly KnownName[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (label: string, detail: string, type: string, rank: number) => {
    if (seen.has(label)) return;
    seen.add(label);
    const starts = [...label.matchAll(WORD)].map((m) => fold(m[0]));
    out.push({ completion: { label, detail, type, apply: label }, starts, rank });
  };
  for (const name of names) add(name.name, name.detail, name.kind === 'title' ? 'text' : 'variable', 0);
  for (const name of names) {
    for (const [word] of name.name.matchAll(WORD)) if (word !== name.name && isDistinctive(word)) add(word, `${name.name} · ${name.detail}`, 'variable', 1);
  }
  return out;
}

/**
 * Completes names while the critic types their start: "Schr" offers "Schreck" and "Max Schreck".
 * Typing is compared without case or accents, so "schro" finds "Schröder". Quiet by design: only
 * a capitalised word of two letters or more asks (any word when completion is asked for with
 * Ctrl-Space), and only in prose, never in code, links' addresses or the front matter.
 */
export function nameCompletionSource(context: CompletionContext): CompletionResult | null {
  const names = context.state.facet(knownNames);
  if (!names.length) return null;
  const typed = context.matchBefore(TYPED);
  const text = typed?.text ?? '';
  if (!context.explicit && (text.length < 2 || text[0] === text[0]!.toLowerCase())) return null;
  const from = typed?.from ?? context.pos;
  // The front matter is YAML: the sidebar edits it, and names there are the source, not a use.
  const head = context.state.sliceDoc(0, Math.min(context.state.doc.length, 64 * 1024));
  if (from < splitFrontMatter(head).bodyStart && head.startsWith('---')) return null;
  const node = syntaxTree(context.state).resolveInner(context.pos, -1);
  for (let n: typeof node | null = node; n; n = n.parent) if (NOT_PROSE.test(n.name)) return null;

  const folded = fold(text);
  const options = nameCandidates(names)
    .filter((c) => c.completion.label !== text && (folded === '' || c.starts.some((s) => s.startsWith(folded))))
    .sort((a, b) => {
      const aStarts = fold(a.completion.label).startsWith(folded) ? 0 : 1;
      const bStarts = fold(b.completion.label).startsWith(folded) ? 0 : 1;
      return aStarts - bStarts || a.rank - b.rank || a.completion.label.localeCompare(b.completion.label);
    })
    .map((c) => c.completion);
  if (!options.length) return null;
  return { from, options, filter: false };
}

const theme = EditorView.baseTheme({
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--ui-font, system-ui, sans-serif)', fontSize: '14px', maxHeight: '14em' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '3px 10px' },
  '.cm-completionDetail': { fontStyle: 'normal', opacity: '0.65', marginLeft: '0.8em' },
});

/** Name completion (`@codemirror/autocomplete`) fed by the `knownNames` facet. */
export function nameCompletion(): Extension {
  return [autocompletion({ override: [nameCompletionSource], icons: false, maxRenderedOptions: 12 }), theme];
}
