/**
 * The test API's read-outs of the editor and the canvas (app-events.ts declares them). They read
 * only; a test changes the document the way a person does, with the pointer and the keyboard.
 */
import { strokeChannelsOf, strokesOf } from '../../shared/document';
import type { Editor } from '../editor';
import type { SceneView } from '../canvas/scene-view';
import type { DocumentProbe, PixelProbe, TestProbes } from './app-events';

export function createEditorProbes(
  editor: () => Editor | null,
  view: () => SceneView | null,
): TestProbes {
  return {
    readDocument(): DocumentProbe | null {
      const current = editor();
      if (!current) return null;
      const { document, session } = current;
      const counts: Record<string, number> = {};
      for (const layer of document.layers) {
        const count =
          layer.kind === 'iris'
            ? layer.marks.length
            : strokeChannelsOf(layer).reduce((sum, c) => sum + strokesOf(layer, c).length, 0);
        counts[layer.kind] = (counts[layer.kind] ?? 0) + count;
      }
      const history = current.history;
      return {
        revision: current.revision,
        counts,
        workArea: { ...document.workArea },
        history: { steps: history.steps.map((step) => step.label), position: history.position },
        tool: session.tool,
        color: session.color,
        brushSizes: { ...session.brushSizes },
        resultRevision: session.result?.revision ?? null,
        viewport: { ...session.viewport },
      };
    },
    readDocumentData() {
      return editor()?.document ?? null;
    },
    readPixels(rect, content): PixelProbe | null {
      const pixels = view()?.readPixels(rect, content);
      if (!pixels) return null;
      return { width: pixels.width, height: pixels.height, rgbaBase64: toBase64(pixels.data) };
    },
  };
}

function toBase64(bytes: Uint8ClampedArray): string {
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}
