import type { MarkdownIt } from 'markdown-it';
import type { RenderEnv } from './render-env';

/**
 * Marks every top-level block with `data-line` / `data-line-end` (0-based, end exclusive, lines of
 * the whole file). The editor maps lines straight to preview blocks for scroll sync, and the preview
 * patches changed blocks by them. Nested blocks are left alone: they move with their parent. Raw
 * HTML blocks get none (we do not rewrite the user's HTML), so sync interpolates across them.
 */
export function sourceLines(md: MarkdownIt): void {
  md.core.ruler.push('source_lines', (state) => {
    const offset = (state.env as RenderEnv).lineOffset ?? 0;
    for (const token of state.tokens) {
      if (token.level !== 0 || !token.block || !token.map || token.nesting === -1) continue;
      if (token.type === 'inline' || token.type === 'html_block' || isCode(token.type)) continue;
      token.attrSet('data-line', String(token.map[0] + offset));
      token.attrSet('data-line-end', String(token.map[1] + offset));
    }
  });

  // markdown-it puts a code block's attributes on its <code>; the top-level element is the <pre>.
  for (const type of ['fence', 'code_block'] as const) {
    const base = md.renderer.rules[type];
    if (!base) continue;
    md.renderer.rules[type] = (tokens, idx, options, env, self) => {
      const html = base(tokens, idx, options, env, self);
      const map = tokens[idx]?.level === 0 ? tokens[idx]?.map : null;
      if (!map || !html.startsWith('<pre')) return html;
      const offset = (env as RenderEnv | undefined)?.lineOffset ?? 0;
      return `<pre data-line="${map[0] + offset}" data-line-end="${map[1] + offset}"${html.slice(4)}`;
    };
  }
}

function isCode(type: string): boolean {
  return type === 'fence' || type === 'code_block';
}
