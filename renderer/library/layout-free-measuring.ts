import type { Rect, Virtualizer } from '@tanstack/react-virtual';

/**
 * Options for `useVirtualizer` that measure the list and its rows with ResizeObserver only, which
 * reports sizes after the browser's own layout, instead of reading `clientHeight`/`offsetHeight`
 * while React commits. Each such read laid out the whole page at that moment: at start, while
 * the editor, preview and sidebar were still arriving, that was three extra layouts of the app
 * (docs/performance.md, "Renderer start"). Until the first report, the list is taken to be as
 * tall as the window and each row its estimated size.
 */
export const layoutFreeMeasuring = {
  initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },

  observeElementRect(instance: Virtualizer<HTMLDivElement, Element>, report: (rect: Rect) => void): (() => void) | undefined {
    const element = instance.scrollElement;
    const View = instance.targetWindow?.ResizeObserver;
    if (!element || !View) return undefined;
    const observer = new View(([entry]) => {
      const box = entry?.contentBoxSize?.[0];
      // The padding box, as clientWidth/clientHeight give it (and as the library's own observer reads).
      if (box) report({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) });
    });
    observer.observe(element, { box: 'content-box' });
    return () => observer.disconnect();
  },

  measureElement(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, Element>): number {
    const box = entry?.borderBoxSize?.[0];
    if (box) return Math.round(box.blockSize);
    // Mounted, not yet observed: what is known of it, else its estimate.
    const index = instance.indexFromElement(element);
    return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
  },
};
