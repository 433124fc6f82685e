/**
 * The paste source's picture: the photo with its work area, and the gestures on it — draw a
 * rectangle or a lasso selection, or move and resize the work area. Esc drops the selection
 * (and a gesture under way), wherever focus is.
 *
 * It is an SVG with the photo's own pixel size as its viewBox, so outlines are drawn in source
 * photo pixels and the pointer maps back by one scale factor. Nothing here is Fabric: the canvas
 * stays the target's.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Point } from '../../shared/document';
import type { PasteSelection } from '../../shared/paste/paste-api';
import { selectionPolygon } from '../../shared/paste/paste-selection';
import {
  appendLassoPoint,
  lassoSelection,
  movedWorkArea,
  rectangleFromDrag,
  resizedWorkArea,
  workAreaGrab,
  type SourceTool,
} from '../paste/source-geometry';
import type { PasteSource } from '../paste/source-opener';

/** Lasso point spacing in panel (CSS) pixels. */
const LASSO_STEP_PANEL_PIXELS = 3;

/**
 * The work area's resize handle, in photo pixels: a fixed share of the picture, which the panel
 * always shows at its own width (about 9 CSS pixels at the panel's usual size).
 */
function handleSize(photo: { readonly width: number; readonly height: number }): number {
  return Math.max(photo.width, photo.height) / 28;
}

type WorkArea = PasteSource['workArea'];

type Gesture =
  | { readonly kind: 'rectangle'; readonly from: Point }
  | { readonly kind: 'lasso'; readonly points: readonly Point[] }
  | { readonly kind: 'move-area'; readonly from: Point; readonly start: WorkArea }
  | { readonly kind: 'resize-area'; readonly start: WorkArea };

interface SourcePictureProps {
  readonly source: PasteSource;
  readonly previewUrl: string;
  readonly tool: SourceTool;
  readonly selection: PasteSelection | null;
  readonly onSelection: (selection: PasteSelection | null) => void;
  readonly onWorkArea: (workArea: WorkArea) => void;
}

export function SourcePicture(props: SourcePictureProps) {
  const { source, previewUrl, tool, selection, onSelection, onWorkArea } = props;
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [draft, setDraft] = useState<PasteSelection | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const photoSize = { width: source.photo.info.width, height: source.photo.info.height };
  const area = source.workArea;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setGesture(null);
      setDraft(null);
      onSelection(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onSelection]);

  /** Photo pixels per panel (CSS) pixel. */
  const photoPerPanel = (): number => {
    const box = svgRef.current?.getBoundingClientRect();
    return box && box.width > 0 ? photoSize.width / box.width : 1;
  };
  const photoPoint = (event: PointerEvent): Point => {
    const box = svgRef.current?.getBoundingClientRect();
    const scale = photoPerPanel();
    return box
      ? { x: (event.clientX - box.left) * scale, y: (event.clientY - box.top) * scale }
      : { x: 0, y: 0 };
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = photoPoint(event);
    if (tool === 'work-area') {
      const grab = workAreaGrab(area, p, handleSize(photoSize));
      if (grab === 'resize') setGesture({ kind: 'resize-area', start: area });
      else if (grab === 'move') setGesture({ kind: 'move-area', from: p, start: area });
      return;
    }
    setGesture(
      tool === 'rectangle' ? { kind: 'rectangle', from: p } : { kind: 'lasso', points: [p] },
    );
    setDraft(null);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!gesture) return;
    const p = photoPoint(event);
    switch (gesture.kind) {
      case 'rectangle':
        setDraft(rectangleFromDrag(gesture.from, p, photoSize));
        return;
      case 'lasso': {
        const points = appendLassoPoint(
          gesture.points,
          p,
          photoSize,
          LASSO_STEP_PANEL_PIXELS * photoPerPanel(),
        );
        setGesture({ kind: 'lasso', points });
        setDraft(lassoSelection(points));
        return;
      }
      case 'move-area':
        onWorkArea(
          movedWorkArea(gesture.start, p.x - gesture.from.x, p.y - gesture.from.y, photoSize),
        );
        return;
      case 'resize-area':
        onWorkArea(resizedWorkArea(gesture.start, p, photoSize));
        return;
    }
  };

  const onPointerUp = () => {
    if (!gesture) return;
    if (gesture.kind === 'rectangle' || gesture.kind === 'lasso') onSelection(draft);
    setGesture(null);
    setDraft(null);
  };

  const shown = draft ?? selection;
  const outline = shown ? selectionPolygon(shown, area) : null;
  const handle = handleSize(photoSize);

  return (
    <svg
      ref={svgRef}
      className="source-panel__picture"
      data-testid="source-picture"
      data-work-area={`${area.x},${area.y},${area.size}`}
      data-tool={tool}
      viewBox={`0 0 ${photoSize.width} ${photoSize.height}`}
      style={{ aspectRatio: `${photoSize.width} / ${photoSize.height}` }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        setGesture(null);
        setDraft(null);
      }}
    >
      <title>{source.fileName}</title>
      <image href={previewUrl} width={photoSize.width} height={photoSize.height} />
      <path
        className="source-panel__outside"
        fillRule="evenodd"
        d={`M0 0H${photoSize.width}V${photoSize.height}H0Z M${area.x} ${area.y}h${area.size}v${area.size}h${-area.size}Z`}
      />
      <rect
        className="source-panel__work-area"
        x={area.x}
        y={area.y}
        width={area.size}
        height={area.size}
        vectorEffect="non-scaling-stroke"
      />
      {tool === 'work-area' && (
        <rect
          className="source-panel__handle"
          x={area.x + area.size - handle / 2}
          y={area.y + area.size - handle / 2}
          width={handle}
          height={handle}
          vectorEffect="non-scaling-stroke"
        />
      )}
      {outline && (
        <polygon
          className="source-panel__selection"
          data-testid="source-selection"
          points={outline.map((p) => `${p.x},${p.y}`).join(' ')}
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}
