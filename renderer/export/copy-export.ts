import { HostError, type Client } from '../../src/contract';

/**
 * Puts text (and HTML, for rich text) on the clipboard. Electron's shell denies the page's
 * clipboard permission, so the host writes it; the browser host has no clipboard of its own and
 * answers `unsupported`, and then the page's Clipboard API does it.
 */
export async function copyToClipboard(client: Client, data: { html?: string; text: string }): Promise<void> {
  try {
    await client.call('clipboard.write', data);
    return;
  } catch (error) {
    if (!(error instanceof HostError) || error.code !== 'unsupported') throw error;
  }
  if (!navigator.clipboard) throw new HostError('unsupported', 'This browser does not let Intertitle use the clipboard.');
  try {
    if (data.html !== undefined && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([data.html], { type: 'text/html' }),
          'text/plain': new Blob([data.text], { type: 'text/plain' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(data.text);
    }
  } catch (error) {
    throw new HostError('unsupported', `The browser refused the clipboard (${(error as Error).message}). Use Save instead, or allow clipboard access for this page.`);
  }
}
