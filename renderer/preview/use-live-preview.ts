import { useCallback, useMemo, useState } from 'react';
import { renderReview, type Sanitize } from '../../src/markdown/pipeline';
import { countWords, readingMinutes } from '../../src/markdown/words';

/**
 * The editor's settled text run through the one markdown pipeline, with the body's word count.
 * The text travels with the path of its review, so its images resolve against the right folder.
 * Rendering waits for a pause of ~30 ms in typing (the editor's settle delay).
 */
export function useLivePreview(sanitize: Sanitize) {
  const [source, setSource] = useState<{ path: string | null; text: string }>({ path: null, text: '' });
  const rendered = useMemo(
    () => ({ ...renderReview(source.text, { sanitize }), path: source.path }),
    [source, sanitize],
  );
  const words = useMemo(() => countWords(rendered.frontMatter.block.body), [rendered]);
  const onTextSettled = useCallback((path: string | null, text: string) => setSource({ path, text }), []);
  return { rendered, words, minutes: readingMinutes(words), onTextSettled };
}
