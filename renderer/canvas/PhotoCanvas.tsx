/**
 * React's handle on the Fabric view: creates it with the container, keeps it sized to the
 * container, and shows whichever photo it is given. Each mount creates a fresh <canvas>
 * element, because Fabric disposes asynchronously and must never adopt a canvas twice.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { OpenedPhoto } from '../../shared/photo/photo';
import { PhotoView, type ShownPhoto } from './photo-view';

interface PhotoCanvasProps {
  readonly photo: OpenedPhoto | null;
  /** Called when a new photo is drawn. */
  readonly onShown: (shown: ShownPhoto) => void;
  /** Called when the view is refitted after a resize. */
  readonly onRefit: (shown: ShownPhoto) => void;
  readonly onError: (message: string) => void;
}

export function PhotoCanvas({ photo, onShown, onRefit, onError }: PhotoCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<PhotoView | null>(null);
  const shownEvent = useEffectEvent(onShown);
  const refitEvent = useEffectEvent(onRefit);
  const errorEvent = useEffectEvent(onError);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const element = document.createElement('canvas');
    container.append(element);
    const created = new PhotoView(element, sizeOf(container));
    const observer = new ResizeObserver(() => {
      const refit = created.resize(sizeOf(container));
      if (refit) refitEvent(refit);
    });
    observer.observe(container);
    setView(created);
    return () => {
      observer.disconnect();
      created.dispose();
      container.replaceChildren();
      setView(null);
    };
  }, []);

  useEffect(() => {
    if (!view || !photo) return;
    const abort = new AbortController();
    view.show(photo, abort.signal).then(
      (shown) => {
        if (shown) shownEvent(shown);
      },
      () => {
        if (!abort.signal.aborted) errorEvent('The photo’s preview could not be displayed.');
      },
    );
    return () => abort.abort();
  }, [view, photo]);

  return <div ref={containerRef} className="photo-canvas" data-testid="photo-canvas" />;
}

function sizeOf(element: HTMLElement) {
  return { width: Math.max(1, element.clientWidth), height: Math.max(1, element.clientHeight) };
}
