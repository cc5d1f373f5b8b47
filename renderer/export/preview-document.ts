/**
 * The exported page (or rich text) as a document for the dialog's sandboxed frame. It is made
 * with its stills inside it as data URIs: the frame has an opaque origin, so it could not load
 * the host's still URLs. Parsing with DOMParser runs nothing; links become pop-ups, which the
 * sandbox refuses, so a click inside the preview goes nowhere.
 */
export function previewDocument(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('a[href]').forEach((a) => {
    if (!a.getAttribute('href')?.startsWith('#')) a.setAttribute('target', '_blank');
  });
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
