/**
 * The layers the panel lists, derived from the workspace (never stored twice). Today that is
 * the photo; mask, sketch, colour and result layers join as their tools arrive.
 */
import type { WorkspaceState } from './workspace-state';

export interface LayerSummary {
  readonly id: string;
  readonly kind: 'photo';
  readonly name: string;
  readonly detail: string;
}

export function layersOf(state: Pick<WorkspaceState, 'photo'>): readonly LayerSummary[] {
  if (state.photo === null) return [];
  const { info } = state.photo;
  return [
    {
      id: state.photo.photoId,
      kind: 'photo',
      name: info.fileName,
      detail: `${info.width} × ${info.height} px · ${info.format.toUpperCase()}`,
    },
  ];
}
