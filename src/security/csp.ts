/**
 * The Content-Security-Policy both hosts send with every response. No inline or eval'd script:
 * if the sanitiser ever let an event handler through, it still would not run. CodeMirror adds
 * style elements at run time, hence `style-src 'unsafe-inline'` (styles cannot run script).
 * Remote images are not loaded: a review from elsewhere must not report that it was read.
 */
export function contentSecurityPolicy(stillsSource = ''): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' ${stillsSource ? `${stillsSource} ` : ''}data: blob:`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Sent with every still: images ignore it, but a still opened as a document (an <embed>, a
 * navigation) gets no script and an opaque origin.
 */
export const assetContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
