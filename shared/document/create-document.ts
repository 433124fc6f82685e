/** A fresh document for a newly opened photo. */
import type { FaceDocument } from './document';
import { DOCUMENT_SCHEMA_VERSION } from './document';
import type { Layer } from './layer';
import type { PhotoRef } from './photo-ref';
import { defaultWorkArea } from './work-area';

/**
 * The base layers have fixed ids: there is one of each in a new document, and fixed ids keep
 * fresh documents identical for the same photo (and tests readable). Later layers (pasted
 * regions) get generated ids.
 */
export const BASE_LAYER_IDS = {
  mask: 'layer-mask',
  color: 'layer-color',
  sketch: 'layer-sketch',
  iris: 'layer-iris',
} as const;

const layerSwitches = { visible: true, opacity: 1, locked: false } as const;

export function createEmptyDocument(photo: PhotoRef, seed = 0): FaceDocument {
  // Bottom to top: the mask beneath everything, sketch lines above the colors they outline,
  // the iris marks on top so they stay clickable.
  const layers: Layer[] = [
    { id: BASE_LAYER_IDS.mask, name: 'Mask', kind: 'mask', strokes: [], ...layerSwitches },
    { id: BASE_LAYER_IDS.color, name: 'Color', kind: 'color', strokes: [], ...layerSwitches },
    { id: BASE_LAYER_IDS.sketch, name: 'Sketch', kind: 'sketch', strokes: [], ...layerSwitches },
    { id: BASE_LAYER_IDS.iris, name: 'Iris', kind: 'iris', marks: [], ...layerSwitches },
  ];
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    photo: { assetId: photo.assetId, width: photo.width, height: photo.height },
    workArea: defaultWorkArea(photo),
    layers,
    seed,
  };
}
