/** What a drop or paste carries that the stills need: its files and its plain text. */
export interface TransferLike {
  readonly files?: ArrayLike<File> | null;
  readonly items?: ArrayLike<{ kind: string; getAsFile(): File | null }> | null;
  getData(format: string): string;
}

const lastSegment = (line: string): string => {
  let path = line.trim().replace(/^file:\/\/[^/]*/i, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not percent-encoded after all: compare it as it is.
  }
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
};

/**
 * The files a drop or paste carries, to be added as stills (anything that is not a picture is
 * refused later, with its name). Pasted image data (a screenshot, "Copy image" in a browser) and a
 * file copied in a file manager both arrive as files; some browsers list pasted image data only as
 * an item. A paste whose plain text is more than the files' own names or paths is text — a copy
 * from a word processor carries a picture of the text too — and gives none.
 */
export function transferFiles(transfer: TransferLike | null | undefined, kind: 'drop' | 'paste'): File[] {
  if (!transfer) return [];
  let files = Array.from(transfer.files ?? []);
  if (!files.length) {
    files = Array.from(transfer.items ?? []).flatMap((item) => {
      const file = item.kind === 'file' ? item.getAsFile() : null;
      return file ? [file] : [];
    });
  }
  if (!files.length || kind === 'drop') return files;
  const names = new Set(files.map((f) => f.name));
  const lines = (transfer.getData('text/plain') ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.every((line) => names.has(lastSegment(line))) ? files : [];
}
