import { forwardRef, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { PreviewPatcher, type ImageUrl } from './patch';
import type { PreviewBlocks } from './preview-client';
import './preview.css';
import { lineForPreviewOffset, previewOffsetForLine } from './scroll-sync';

export interface PreviewHandle {
  scrollToLine(line: number): void;
  topLine(): number;
  onScroll(listener: () => void): () => void;
}

/** What readers see above the body: the headline and the film it is about (text, never HTML). */
export interface Masthead {
  headline: string | null;
  film: string | null;
  year: number | null;
}

interface Props {
  masthead: Masthead | null;
  /** The review body's blocks (use-live-preview), drawn as they change; null shows nothing. */
  blocks: PreviewBlocks | null;
  imageUrl: ImageUrl;
  /** A link in the preview was activated. */
  onOpenLink: (href: string) => void;
}

/** The live preview: the review as readers will see it, patched in place as the critic types. */
export const PreviewPane = forwardRef<PreviewHandle, Props>(function PreviewPane({ masthead, blocks, imageUrl, onOpenLink }, ref) {
  const scroller = useRef<HTMLDivElement>(null);
  const article = useRef<HTMLElement>(null);
  const patcher = useRef<PreviewPatcher | null>(null);

  useLayoutEffect(() => {
    if (!article.current) return;
    const target = (patcher.current ??= new PreviewPatcher(article.current));
    if (!blocks) {
      target.clear();
      return;
    }
    const draw = () => target.patch(blocks.current(), imageUrl);
    draw();
    return blocks.subscribe(draw);
  }, [blocks, imageUrl]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToLine(line) {
        if (scroller.current && article.current) {
          scroller.current.scrollTop = previewOffsetForLine(scroller.current, article.current, line);
        }
      },
      topLine() {
        if (!scroller.current || !article.current) return 0;
        return lineForPreviewOffset(scroller.current, article.current, scroller.current.scrollTop);
      },
      onScroll(listener) {
        const el = scroller.current;
        el?.addEventListener('scroll', listener, { passive: true });
        return () => el?.removeEventListener('scroll', listener);
      },
    }),
    [],
  );

  const onClick = (event: React.MouseEvent) => {
    const anchor = (event.target as Element).closest('a');
    if (!anchor) return;
    // A click in the preview never navigates the app itself.
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      const target = article.current?.querySelector(`[id="${CSS.escape(decodeURIComponent(href.slice(1)))}"]`);
      target?.scrollIntoView({ block: 'start' });
      return;
    }
    if (href) onOpenLink(href);
  };

  return (
    <div className="preview-scroller" ref={scroller} onClick={onClick}>
      {masthead && (masthead.headline || masthead.film) && (
        <header className="preview-masthead">
          {masthead.headline && <h1 className="preview-headline">{masthead.headline}</h1>}
          {masthead.film && (
            <p className="preview-film">
              <cite>{masthead.film}</cite>
              {masthead.year ? ` (${masthead.year})` : ''}
            </p>
          )}
        </header>
      )}
      <article className="preview-page" ref={article} />
    </div>
  );
});
