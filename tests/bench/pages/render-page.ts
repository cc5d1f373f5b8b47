import MarkdownIt from 'markdown-it';
import { BlockTable } from '../../../renderer/preview/preview-protocol';
import { createPreviewRenderer } from '../../../renderer/preview/preview-renderer';
import { markdown } from '../../../src/markdown/markdown';
import { createSanitizer } from '../../../src/markdown/sanitize';
import { countWords } from '../../../src/markdown/words';
import { splitFrontMatter } from '../../../src/review/front-matter';

/**
 * Loaded into a blank Chromium page by the render benchmark: times, on the page's main thread,
 * raw markdown-it against the preview pipeline's own steps on the same text (interleaved, so
 * the machine's mood falls on both alike).
 */
export interface RenderTimes {
  /** `new MarkdownIt().render(body)`: the baseline. */
  raw: number[];
  /** A keystroke's preview work: the worker's render and id diff, then sanitising the changed blocks. */
  keystroke: number[];
  /** Opening a review: the worker's render, then sanitising every block (batched, as the pane does). */
  open: number[];
  /** The walking skeleton's pipeline: render, then sanitise the whole HTML. */
  whole: number[];
  /** The word count the worker sends after each render. */
  words: number[];
  blocks: number;
  changedPerKeystroke: number;
}

function run(text: string, marks: { before: string; after: string }, iterations: number): RenderTimes {
  const raw = new MarkdownIt();
  const sanitize = createSanitizer(window);
  const body = splitFrontMatter(text).body;
  const inert = document.implementation.createHTMLDocument('');
  const times: RenderTimes = { raw: [], keystroke: [], open: [], whole: [], words: [], blocks: 0, changedPerKeystroke: 0 };
  const time = (list: number[] | null, work: () => void) => {
    const started = performance.now();
    work();
    if (list) list.push(performance.now() - started);
  };

  // The keystroke path keeps its state across iterations, as the app does while the critic types.
  const renderer = createPreviewRenderer();
  const table = new BlockTable(sanitize);
  const insertAt = text.indexOf(marks.before + marks.after) + marks.before.length;
  let typed = '';
  const keystroke = () => {
    const rendered = renderer.render({ type: 'render', seq: 0, path: 'bench.md', text: text.slice(0, insertAt) + typed + text.slice(insertAt) });
    table.apply(rendered);
    for (const [id] of rendered.added) table.safeHtml(id);
    times.changedPerKeystroke = rendered.added.length;
    times.blocks = rendered.blocks.length / 3;
  };
  keystroke();

  const warmUp = 8;
  for (let i = 0; i < warmUp + iterations; i++) {
    const keep = i >= warmUp;
    time(keep ? times.raw : null, () => raw.render(body));
    typed += 'abcdefghij '[i % 11];
    time(keep ? times.keystroke : null, keystroke);
    time(keep ? times.open : null, () => {
      const fresh = createPreviewRenderer();
      const freshTable = new BlockTable(sanitize);
      const rendered = fresh.render({ type: 'render', seq: 0, path: 'bench.md', text });
      freshTable.apply(rendered);
      const ids = rendered.added.map(([id]) => id);
      freshTable.prepare(ids, inert);
      for (const id of ids) freshTable.safeHtml(id);
    });
    time(keep ? times.whole : null, () => sanitize(markdown.render(body, {})));
    time(keep ? times.words : null, () => countWords(body));
  }
  return times;
}

(window as unknown as { renderBench: { run: typeof run } }).renderBench = { run };
