import morphdom from 'morphdom';

/**
 * Brings the preview up to date with new sanitised HTML by patching the DOM instead of replacing
 * it, so images that did not change are not reloaded and the scroll position holds (DESIGN §5).
 * `imageUrl` maps an image's `src` as written (`stills/a.jpg`) to where the host serves it.
 */
export function patchPreview(container: HTMLElement, html: string, imageUrl: (src: string) => string | null): void {
  // Parsed in an inert document, so nothing loads before image URLs are mapped. The HTML came
  // out of DOMPurify: this is the sanitiser's output, not raw review text.
  const inert = container.ownerDocument.implementation.createHTMLDocument('');
  const next = inert.createElement('div');
  next.innerHTML = html;
  for (const img of next.querySelectorAll('img')) mapImage(img, imageUrl);
  morphdom(container, next, { childrenOnly: true });
}

function mapImage(img: HTMLImageElement, imageUrl: (src: string) => string | null): void {
  const src = img.getAttribute('src') ?? '';
  const url = imageUrl(src);
  img.setAttribute('data-src', src);
  if (url === null) {
    // Outside the library (a remote URL): not loaded, and said so.
    img.removeAttribute('src');
    img.classList.add('blocked');
    img.title = `Not loaded: ${src}`;
  } else {
    img.setAttribute('src', url);
  }
}
