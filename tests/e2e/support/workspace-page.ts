/**
 * A page object for the FaceShop workspace (STYLE.md 13): actions a person takes (open a photo
 * through the picker, drop a file) and waits on the app's own named events
 * (`window.__faceshopTest`), never on sleeps.
 */
import type { Page } from 'playwright-core';
import type {
  AppEventDetails,
  AppEventName,
  FaceshopTestApi,
} from '../../../renderer/app-events/app-events';

type TestWindow = Window & { __faceshopTest?: FaceshopTestApi };

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** The canvas background around the photo (renderer/canvas/scene-view.ts). */
export const CANVAS_BACKGROUND: Rgb = { r: 0x2a, g: 0x2b, b: 0x30 };

export class WorkspacePage {
  constructor(readonly page: Page) {}

  /** The seq of the latest app event, to wait for events that happen after this moment. */
  lastEventSeq(): Promise<number> {
    return this.page.evaluate(() => (window as TestWindow).__faceshopTest?.lastSeq() ?? 0);
  }

  /** Resolves with the detail of the first `name` event after `afterSeq`. */
  async waitForAppEvent<N extends AppEventName>(
    name: N,
    afterSeq = 0,
    timeout = 30_000,
  ): Promise<AppEventDetails[N]> {
    const handle = await this.page.waitForFunction(
      ([eventName, after]: readonly [string, number]) =>
        (window as TestWindow).__faceshopTest?.find(eventName as AppEventName, after)?.detail,
      [name, afterSeq] as const,
      { timeout },
    );
    return (await handle.jsonValue()) as AppEventDetails[N];
  }

  /** Clicks "Open Photo…" and chooses `filePath` in the page's file picker. */
  async openWithPicker(filePath: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Open Photo…' }).click();
    await (await chooser).setFiles(filePath);
  }

  /** Drops a file with these bytes on the workspace, as dragging it from a file manager does. */
  async dropFile(fileName: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    // Handed to the page as base64: a JSON array of numbers would take seconds for a photo.
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, base64, type }) => {
        const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type }));
        return transfer;
      },
      { name: fileName, base64: Buffer.from(bytes).toString('base64'), type: mimeType },
    );
    const workspace = this.page.getByTestId('workspace');
    await workspace.dispatchEvent('dragenter', { dataTransfer });
    await workspace.dispatchEvent('dragover', { dataTransfer });
    await workspace.dispatchEvent('drop', { dataTransfer });
  }

  /** The colour the canvas shows at (x, y), in CSS pixels from its top-left corner. */
  canvasPixel(x: number, y: number): Promise<Rgb> {
    return this.page.evaluate(
      ({ x, y }) => {
        const canvas = document.querySelector<HTMLCanvasElement>(
          '[data-testid=photo-canvas] canvas.lower-canvas',
        );
        const context = canvas?.getContext('2d');
        if (!canvas || !context) throw new Error('no canvas');
        const scale = canvas.width / canvas.clientWidth;
        const [r = 0, g = 0, b = 0] = context.getImageData(
          Math.round(x * scale),
          Math.round(y * scale),
          1,
          1,
        ).data;
        return { r, g, b };
      },
      { x, y },
    );
  }

  text(testId: string): Promise<string> {
    return this.page.getByTestId(testId).innerText();
  }
}

export function sameColour(a: Rgb, b: Rgb, tolerance = 3): boolean {
  return (
    Math.abs(a.r - b.r) <= tolerance &&
    Math.abs(a.g - b.g) <= tolerance &&
    Math.abs(a.b - b.b) <= tolerance
  );
}
