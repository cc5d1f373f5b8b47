import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightSpecialChars,
  keymap,
  placeholder,
  rectangularSelection,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { frontMatterFolding } from './front-matter-fold';
import { frontMatter } from './front-matter-language';

/** Colours for markdown and the YAML front matter, tuned for prose rather than code. */
const proseHighlight = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: '700', fontSize: '1.35em' },
  { tag: tags.heading2, fontWeight: '700', fontSize: '1.18em' },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: 'var(--accent)' },
  { tag: tags.quote, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: tags.monospace, fontFamily: 'var(--mono)', fontSize: '0.92em' },
  { tag: [tags.processingInstruction, tags.contentSeparator, tags.meta], color: 'var(--faint)' },
  // Front matter (YAML): keys, values, comments.
  { tag: tags.definition(tags.propertyName), color: 'var(--yaml-key)' },
  { tag: tags.propertyName, color: 'var(--yaml-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--yaml-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--yaml-number)' },
  { tag: tags.comment, color: 'var(--faint)', fontStyle: 'italic' },
  { tag: tags.keyword, color: 'var(--yaml-key)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: 'var(--editor-size)' },
  '.cm-scroller': { fontFamily: 'var(--editor-font)', lineHeight: '1.65', overflow: 'auto' },
  '.cm-content': { maxWidth: '72ch', margin: '0 auto', padding: '28px 32px 40vh', caretColor: 'var(--accent)' },
  '.cm-line': { padding: '0' },
  '&.cm-focused': { outline: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--selection) !important' },
  '.cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--ink)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--rule)' },
  '.cm-searchMatch': { backgroundColor: 'var(--search-match)' },
});

/** Everything the review editor needs, apart from the document's own settings. */
export function editorExtensions(): Extension[] {
  return [
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    keymap.of([...searchKeymap, ...historyKeymap, ...defaultKeymap, indentWithTab]),
    EditorView.lineWrapping,
    frontMatter({ content: markdown({ base: markdownLanguage, codeLanguages: languages }) }),
    frontMatterFolding(),
    syntaxHighlighting(proseHighlight),
    placeholder('Write your review…'),
    EditorView.contentAttributes.of({ spellcheck: 'true', autocorrect: 'on', autocapitalize: 'sentences', 'aria-label': 'Review text' }),
    theme,
  ];
}

/**
 * Per-document settings. Line breaks are not set here: CodeMirror splits lines on any break and
 * the document is joined with the file's own break when saved (`ReviewDocument.lineBreak`).
 */
export function documentExtensions(options: { readOnly: boolean }): Extension[] {
  return [EditorState.readOnly.of(options.readOnly), EditorView.editable.of(!options.readOnly)];
}
