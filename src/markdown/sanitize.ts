import createDOMPurify from 'dompurify';

/** Makes untrusted HTML safe to put in a DOM. */
export type Sanitize = (html: string) => string;

/** Prose HTML a review may contain; everything else is removed (its text kept where harmless). */
// prettier-ignore
export const ALLOWED_TAGS: readonly string[] = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'b', 'i', 'u', 'del', 's', 'ins', 'small', 'cite', 'q',
  'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code', 'kbd', 'mark', 'abbr', 'sup', 'sub',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'hr', 'br', 'figure', 'figcaption', 'img', 'span', 'div', 'section', 'details', 'summary',
  // Only as the disabled task-list checkbox; the hook below removes any other input.
  'input',
];

/** Named for the record: the allow-list already excludes them. */
// prettier-ignore
const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'link', 'meta', 'base', 'form', 'button',
  'textarea', 'select', 'option', 'svg', 'math', 'template', 'noscript', 'audio', 'video', 'source',
];

// prettier-ignore
export const ALLOWED_ATTR: readonly string[] = [
  'class', 'id', 'title', 'alt', 'href', 'src', 'width', 'height', 'loading', 'decoding',
  'data-line', 'data-line-end', 'colspan', 'rowspan', 'align', 'start', 'open', 'type', 'checked', 'disabled',
];

/** The slice of a DOM element the hook touches (`src/` has no DOM types). */
interface HookElement {
  nodeName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  remove(): void;
}

/** DOMPurify bound to a window (the browser's, or jsdom's in Node) with the preview's allow-list. */
export function createSanitizer(window: unknown): Sanitize {
  const purify = createDOMPurify(window as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('afterSanitizeAttributes', (node: unknown) => enforceUrlsAndInputs(node as HookElement));
  const config = {
    ALLOWED_TAGS: [...ALLOWED_TAGS],
    ALLOWED_ATTR: [...ALLOWED_ATTR],
    FORBID_TAGS,
    FORBID_ATTR: ['style'],
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_TRUSTED_TYPE: false,
  };
  // Set once: parsing the config on every call would cost time on the keystroke path.
  purify.setConfig(config);
  return (html) => String(purify.sanitize(html));
}

function enforceUrlsAndInputs(element: HookElement): void {
  if (typeof element.getAttribute !== 'function') return;
  const tag = element.nodeName.toLowerCase();
  const href = element.getAttribute('href');
  if (href !== null && !(tag === 'a' && isSafeLinkUrl(href))) element.removeAttribute('href');
  const src = element.getAttribute('src');
  if (src !== null && !(tag === 'img' && isSafeImageUrl(src))) element.removeAttribute('src');
  const kept = element.getAttribute('href');
  if (tag === 'a' && kept !== null && !kept.startsWith('#')) element.setAttribute('rel', 'noopener noreferrer');
  if (tag === 'input') {
    if (element.getAttribute('type')?.trim().toLowerCase() !== 'checkbox') element.remove();
    else element.setAttribute('disabled', '');
  }
}

/** Links: `http:`, `https:`, `mailto:`, relative paths and `#fragment`s. */
export function isSafeLinkUrl(url: string): boolean {
  const value = normaliseUrl(url);
  const scheme = schemeOf(value);
  if (scheme !== null) return scheme === 'http' || scheme === 'https' || scheme === 'mailto';
  return !/^[\\/]{2}/.test(value); // protocol-relative: another host
}

/** Images: relative paths (the review's stills), `https:`, and raster `data:` images. */
export function isSafeImageUrl(url: string): boolean {
  const value = normaliseUrl(url);
  const scheme = schemeOf(value);
  if (scheme === 'https') return true;
  if (scheme === 'data') return /^data:image\/(?:png|jpeg|gif|webp)[;,]/i.test(value);
  return scheme === null && !/^[\\/]/.test(value);
}

/** What a browser does before reading the scheme: drop tabs and newlines, trim controls and spaces. */
function normaliseUrl(url: string): string {
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

function schemeOf(url: string): string | null {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? null;
}
