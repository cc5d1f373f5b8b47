import { lineAt, lineStarts } from '../../src/markdown/line-index';
import { renderBlocks, type RenderedBlock } from '../../src/markdown/blocks';
import type { RenderEnv } from '../../src/markdown/render-env';
import { countWords } from '../../src/markdown/words';
import { blockKey } from './preview-protocol';
import { commonPrefix, commonSuffix } from './text-diff';

/** A rendered block as the worker keeps it between keystrokes. */
export interface BodyBlock extends RenderedBlock {
  /** Its identity (preview-protocol `blockKey`), computed once from its HTML. */
  key: string;
}

/** The env a body renders with: line offset and stills always, image sizes when the host gave them. */
export type BodyEnv = RenderEnv & Required<Pick<RenderEnv, 'lineOffset' | 'stills'>>;

/** One rendering of a review body, kept to render the next keystroke from. */
export interface BodyRender {
  body: string;
  /** The env the body was rendered with: a change of either means a whole render. */
  lineOffset: number;
  stillsKey: string;
  blocks: BodyBlock[];
  /** Something reaches across blocks (reference links, footnotes): always render whole. */
  global: boolean;
  /** The body's word count (src/markdown/words.ts). */
  words: number;
}

/** The lines re-read for a keystroke, old and new, for the word count. */
interface Region {
  before: string;
  after: string;
}

// Blocks re-read on each side of the edit: the parse of a block can depend on the first lines of
// the next (a table header, lazy continuation), and two keep that well inside the region.
const MARGIN = 2;

/**
 * Renders `body`, re-reading only the blocks around what changed since `previous` (DESIGN §5: the
 * preview follows typing). markdown-it has no incremental parse, so this cuts one: the region
 * from two blocks before the edit to two after it is parsed on its own, and kept only when it
 * starts and ends with the very blocks it started and ended with before; otherwise, and whenever
 * something links blocks together, the whole body is rendered. The result is the same either way
 * (tests/unit/preview-incremental.test.ts checks it against whole renders).
 */
export function renderBody(previous: BodyRender | null, body: string, env: BodyEnv): BodyRender {
  const stillsKey = JSON.stringify([env.stills, env.images ?? {}]);
  const reusable = previous && !previous.global && previous.lineOffset === env.lineOffset && previous.stillsKey === stillsKey;
  if (previous && reusable && previous.body === body) return previous;
  const partial = reusable ? renderRegion(previous, body, env) : null;
  if (partial) {
    const words = previous!.words - countWords(partial.region.before) + countWords(partial.region.after);
    return { body, lineOffset: env.lineOffset, stillsKey, blocks: partial.blocks, global: false, words };
  }
  return renderWhole(body, env, stillsKey);
}

function renderWhole(body: string, env: BodyEnv, stillsKey: string): BodyRender {
  const parseEnv: RenderEnv & { references?: object; footnotes?: object } = { ...env };
  const blocks = renderBlocks(body, parseEnv).map(withKey);
  const global = crossesBlocks(parseEnv);
  return { body, lineOffset: env.lineOffset, stillsKey, blocks, global, words: countWords(body) };
}

function renderRegion(previous: BodyRender, body: string, env: BodyEnv): { blocks: BodyBlock[]; region: Region } | null {
  const old = previous.body;
  const blocks = previous.blocks;
  if (!blocks.length || blocks.some((b) => !b.span)) return null;
  const prefix = commonPrefix(old, body);
  const suffix = commonSuffix(old, body, Math.min(old.length, body.length) - prefix);
  const oldStarts = lineStarts(old);
  const firstChanged = lineAt(oldStarts, prefix);
  const lastChanged = lineAt(oldStarts, Math.max(prefix, old.length - suffix - 1));

  // The blocks to re-read: from MARGIN before the first block the edit touches to MARGIN after.
  let first = 0;
  while (first + 1 < blocks.length && blocks[first + 1]!.span![0] <= firstChanged) first++;
  first = Math.max(0, first - MARGIN);
  let last = blocks.length - 1;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.span![1] > lastChanged) {
      last = i;
      break;
    }
  }
  last = Math.min(blocks.length - 1, last + MARGIN);
  const toEnd = last === blocks.length - 1;

  const fromLine = first === 0 ? 0 : blocks[first]!.span![0];
  const oldToLine = toEnd ? oldStarts.length : blocks[last]!.span![1];
  const from = oldStarts[fromLine] ?? old.length;
  const oldTo = oldStarts[oldToLine] ?? old.length;
  // Lines from oldToLine on are untouched (they lie in the common suffix): they moved by the same
  // number of characters and lines. Raw HTML after the region keeps its numbers inside its HTML,
  // so it cannot simply move.
  if (oldTo < old.length - suffix) return null;
  const lineDelta = countLines(body) - oldStarts.length;
  if (lineDelta && blocks.slice(last + 1).some((b) => b.raw)) return null;
  const to = toEnd ? body.length : oldTo + (body.length - old.length);
  const text = body.slice(from, to);

  const regionEnv: RenderEnv & { references?: object; footnotes?: object } = { ...env, lineOffset: env.lineOffset + fromLine };
  const fresh = renderBlocks(text, regionEnv).map((block) => withKey(shiftSpan(block, fromLine)));
  if (crossesBlocks(regionEnv)) return null;
  // The region must begin and end with the blocks it had: then the parser leaves it as it did.
  if (first > 0 && !sameBlock(fresh[0], blocks[first]!, 0)) return null;
  if (!toEnd && !sameBlock(fresh.at(-1), blocks[last]!, lineDelta)) return null;

  const after = blocks.slice(last + 1).map((block) => (lineDelta ? moved(block, lineDelta) : block));
  return {
    blocks: [...blocks.slice(0, first), ...fresh, ...after],
    region: { before: old.slice(from, oldTo), after: text },
  };
}

function withKey(block: RenderedBlock): BodyBlock {
  return { ...block, key: blockKey(block) };
}

function shiftSpan(block: RenderedBlock, by: number): RenderedBlock {
  return block.span ? { ...block, span: [block.span[0] + by, block.span[1] + by] } : block;
}

/** The same block, `by` lines further down. Its HTML keeps the old numbers: the page writes the new. */
function moved(block: BodyBlock, by: number): BodyBlock {
  return {
    ...block,
    lines: block.lines && [block.lines[0] + by, block.lines[1] + by],
    span: block.span && [block.span[0] + by, block.span[1] + by],
  };
}

function sameBlock(fresh: BodyBlock | undefined, old: BodyBlock, lineDelta: number): boolean {
  return (
    fresh !== undefined &&
    fresh.key === old.key &&
    fresh.span !== null &&
    old.span !== null &&
    fresh.span[0] === old.span[0] + lineDelta &&
    fresh.span[1] === old.span[1] + lineDelta
  );
}

/** Reference definitions and footnotes are read from anywhere in the body. */
function crossesBlocks(env: { references?: object; footnotes?: object }): boolean {
  return (env.references !== undefined && Object.keys(env.references).length > 0) || env.footnotes !== undefined;
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}
