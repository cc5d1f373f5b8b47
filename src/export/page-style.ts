/**
 * The exported page's stylesheet: a single readable column in a book face, figures the width of
 * the text with caption and credit beneath, and a print layout (no colours, links spelled out,
 * figures kept whole on a page). No web fonts: the page must open anywhere, offline.
 */
export const pageStyle = `
:root { color-scheme: light; --ink: #1d1b19; --muted: #6b6660; --rule: #d9d4cc; --paper: #fffdf9; --accent: #8a2b1f; }
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0; font: 1.1875rem/1.6 Charter, "Bitstream Charter", "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif; }
.review { max-width: 38rem; margin: 0 auto; padding: 3rem 1.25rem 4rem; }
.review > header { margin-bottom: 2.5rem; border-bottom: 1px solid var(--rule); padding-bottom: 1.5rem; }
h1, h2, h3, h4 { font-family: "Avenir Next", "Segoe UI", "Helvetica Neue", Arial, sans-serif; line-height: 1.2; font-weight: 650; }
h1 { font-size: 2.25rem; margin: 0 0 0.75rem; letter-spacing: -0.01em; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.75rem; }
h3 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
.film, .byline { margin: 0.25rem 0; color: var(--muted); font-size: 1rem; }
.film cite { font-style: italic; color: var(--ink); }
.rating { color: var(--accent); letter-spacing: 0.1em; }
.standfirst { font-size: 1.25rem; margin: 1rem 0 0; }
p { margin: 0 0 1.1rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
blockquote { margin: 1.5rem 0; padding: 0 0 0 1.25rem; border-left: 3px solid var(--rule); color: #3a3632; font-style: italic; }
figure { margin: 2rem 0; }
figure img { display: block; width: 100%; height: auto; background: #eee; }
img { max-width: 100%; height: auto; }
figcaption { margin-top: 0.5rem; font-size: 0.9rem; line-height: 1.45; color: var(--muted); }
figcaption .caption { color: var(--ink); }
figcaption .credit { display: block; font-size: 0.8rem; letter-spacing: 0.02em; }
figcaption .caption + .credit { margin-top: 0.15rem; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 2.5rem auto; width: 40%; }
pre, code { font-family: "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.85em; }
pre { overflow-x: auto; padding: 1rem; background: #f3f0ea; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; margin: 1.5rem 0; font-size: 0.95rem; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
th[align="center"], td[align="center"] { text-align: center; }
th[align="right"], td[align="right"] { text-align: right; }
.footnotes { font-size: 0.9rem; color: var(--muted); }
.footnotes-sep { width: 100%; margin-top: 3rem; }
.footnote-ref a, .footnote-backref { text-decoration: none; }
.task-list-item { list-style: none; }
.spoiler { background: var(--ink); color: transparent; border-radius: 3px; padding: 0 2px; cursor: help; }
.spoiler :is(a, em, strong, code) { color: transparent; }
.spoiler:hover, .spoiler:hover :is(a, em, strong, code) { background: #f1e4de; color: inherit; }

@media print {
  @page { margin: 2cm 2.2cm; }
  html, body { background: #fff; color: #000; }
  body { font-size: 11pt; line-height: 1.5; }
  .review { max-width: none; padding: 0; }
  h1 { font-size: 22pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  p, blockquote, li { orphans: 3; widows: 3; }
  figure, table, pre, blockquote { break-inside: avoid; page-break-inside: avoid; }
  figure img { max-height: 60vh; width: auto; max-width: 100%; margin: 0 auto; background: none; }
  figcaption, .film, .byline, .footnotes { color: #333; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  .rating { color: #000; }
  .spoiler, .spoiler :is(a, em, strong, code) { background: none; color: inherit; border-bottom: 1px dashed #555; }
}
`;
