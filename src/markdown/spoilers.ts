import type { MarkdownIt, StateInline } from 'markdown-it';

type Delimiter = StateInline['delimiters'][number];

const PIPE = 0x7c;

/**
 * Spoilers: `||the ending||` (docs/writing-aids.md). Two pipes either side, as Discord, Telegram
 * and Obsidian's spoiler plugins write them, so a renderer that does not know them shows the text
 * between plain pipes: still readable, still visibly set apart. Rendered as
 * `<span class="spoiler" title="Spoiler">`, which the sanitiser's allow-list already lets through.
 * Pairing follows strikethrough (`~~`): markdown-it's delimiter runs, so spoilers nest with
 * emphasis and never cross a paragraph.
 */
export function spoilers(md: MarkdownIt): void {
  // markdown-it's text rule swallows `|` (it is not one of its terminators), so runs of text
  // must stop before a pipe for the spoiler rule to see it. Output is the same either way.
  md.inline.ruler.at('text', textUntilTerminator);
  md.inline.ruler.before('emphasis', 'spoiler', tokenize);
  md.inline.ruler2.before('emphasis', 'spoiler', (state) => {
    postProcess(state, state.delimiters);
    for (const meta of state.tokens_meta) if (meta?.delimiters) postProcess(state, meta.delimiters);
    return true;
  });
  md.renderer.rules['spoiler_open'] = () => '<span class="spoiler" title="Spoiler">';
  md.renderer.rules['spoiler_close'] = () => '</span>';
}

// markdown-it's own terminators, plus `|`, as a table: this runs on every character of text.
const TERMINATOR = new Uint8Array(128);
for (const ch of '\n!#$%&*+-:<=>@[\\]^_`{}~|') TERMINATOR[ch.charCodeAt(0)] = 1;

function textUntilTerminator(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const max = state.posMax;
  let pos = state.pos;
  for (let code = src.charCodeAt(pos); pos < max && !(code < 128 && TERMINATOR[code]); code = src.charCodeAt(++pos));
  if (pos === state.pos) return false;
  if (!silent) state.pending += src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== PIPE) return false;
  const scanned = state.scanDelims(state.pos, true);
  let length = scanned.length;
  if (length < 2) return false;
  if (length % 2) {
    state.push('text', '', 0).content = '|';
    length--;
  }
  for (let i = 0; i < length; i += 2) {
    state.push('text', '', 0).content = '||';
    state.delimiters.push({ marker: PIPE, length: 0, token: state.tokens.length - 1, end: -1, open: scanned.can_open, close: scanned.can_close });
  }
  state.pos += scanned.length;
  return true;
}

function postProcess(state: StateInline, delimiters: Delimiter[]): void {
  for (const start of delimiters) {
    if (start.marker !== PIPE || start.end === -1) continue;
    const end = delimiters[start.end];
    const open = state.tokens[start.token];
    const close = end && state.tokens[end.token];
    if (!open || !close) continue;
    Object.assign(open, { type: 'spoiler_open', tag: 'span', nesting: 1, markup: '||', content: '' });
    Object.assign(close, { type: 'spoiler_close', tag: 'span', nesting: -1, markup: '||', content: '' });
  }
}
