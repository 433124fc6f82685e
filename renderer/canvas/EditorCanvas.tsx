/**
 * React's handle on the canvas: creates the Fabric scene view with the container, keeps the
 * editor told of the canvas's size, feeds it pointer input, and re-mirrors the scene whenever
 * the editor's state or live preview changes. Each mount creates a fresh <canvas> element,
 * because Fabric disposes asynchronously and must never adopt a canvas twice.
 *
 * Scene updates bypass React: a stroke's preview changes on every pointer move, and re-rendering
 * the component tree for each would cost frames for nothing.
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import { commands, type Editor } from '../editor';
import { attachPointerInput } from './pointer-input';
import { describeScene } from './scene';
import { SceneView, type SceneAssets, type SceneViewCallbacks } from './scene-view';

export interface CanvasHandle {
  readonly view: SceneView;
}

interface EditorCanvasProps {
  readonly editor: Editor;
  readonly assets: SceneAssets;
  readonly strokesVisible: boolean;
  readonly onPhotoShown: SceneViewCallbacks['onPhotoShown'];
  readonly onResultDrawn: SceneViewCallbacks['onResultDrawn'];
  readonly onError: SceneViewCallbacks['onError'];
  /** Receives the view once it exists (eyedropper sampling, test read-back), null on unmount. */
  readonly onView: (view: SceneView | null) => void;
}

export function EditorCanvas(props: EditorCanvasProps) {
  const { editor, assets, strokesVisible } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const ringRef = useRef<HTMLDivElement>(null);
  const photoShown = useEffectEvent(props.onPhotoShown);
  const resultDrawn = useEffectEvent(props.onResultDrawn);
  const failed = useEffectEvent(props.onError);
  const viewChanged = useEffectEvent(props.onView);
  const strokesVisibleRef = useRef(strokesVisible);
  const mirrorRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    const ring = ringRef.current;
    if (!container || !ring) return;
    const element = document.createElement('canvas');
    container.prepend(element);
    const view = new SceneView(element, sizeOf(container), assets, {
      onPhotoShown: (shown) => photoShown(shown),
      onResultDrawn: (assetId) => resultDrawn(assetId),
      onError: (message) => failed(message),
    });

    const mirror = (): void => {
      const { state } = editor;
      // The editor fits the photo on its first size report, and again after a new document.
      const size = view.size;
      const known = state.session.viewSize;
      if (!known || known.width !== size.width || known.height !== size.height) {
        editor.run(commands.setViewSize, size);
        return; // the change notifies again, with the fitted viewport
      }
      view.show(
        describeScene(state, editor.preview, { strokesVisible: strokesVisibleRef.current }),
        true,
      );
    };
    mirrorRef.current = mirror;

    const observer = new ResizeObserver(() => {
      view.setSize(sizeOf(container));
      mirror();
    });
    observer.observe(container);
    const unsubscribe = editor.subscribe(mirror);
    const input = attachPointerInput(container, ring, editor);
    mirror();
    viewChanged(view);
    return () => {
      mirrorRef.current = null;
      viewChanged(null);
      input.detach();
      unsubscribe();
      observer.disconnect();
      view.dispose();
      element.remove();
    };
  }, [editor, assets]);

  useEffect(() => {
    strokesVisibleRef.current = strokesVisible;
    mirrorRef.current?.();
  }, [strokesVisible]);

  return (
    <div ref={containerRef} className="photo-canvas" data-testid="photo-canvas">
      <div ref={ringRef} className="brush-ring" hidden aria-hidden="true" />
    </div>
  );
}

function sizeOf(element: HTMLElement) {
  return { width: Math.max(1, element.clientWidth), height: Math.max(1, element.clientHeight) };
}
