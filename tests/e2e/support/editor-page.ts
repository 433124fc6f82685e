/**
 * The editing workspace as a test drives it (STYLE.md 13): strokes drawn with the real mouse at
 * photo coordinates, keys pressed as a person presses them, and read-outs through the app's test
 * API — the document in words, and pixels rendered by the canvas's own objects. Waits are on the
 * app's named events (a result shown for a given revision), never on sleeps.
 */
import type { Page } from 'playwright-core';
import type {
  AppEventDetails,
  DocumentProbe,
  FaceshopTestApi,
  PixelContent,
  PixelRect,
} from '../../../renderer/app-events/app-events';
import { WorkspacePage } from './workspace-page';

type TestWindow = Window & { __faceshopTest?: FaceshopTestApi };

export type PhotoPoint = readonly [number, number];

/** Photo → page coordinates, from the viewport the app reports. */
interface ViewMapping {
  readonly zoom: number;
  readonly originX: number;
  readonly originY: number;
}

export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

export class EditorPage extends WorkspacePage {
  constructor(page: Page) {
    super(page);
  }

  async readDocument(): Promise<DocumentProbe> {
    const probe = await this.page.evaluate(
      () => (window as TestWindow).__faceshopTest?.readDocument() ?? null,
    );
    if (!probe) throw new Error('no document is open');
    return probe;
  }

  async readPixels(rect: PixelRect, content: PixelContent): Promise<Pixels> {
    const probe = await this.page.evaluate(
      ({ rect, content }) =>
        (window as TestWindow).__faceshopTest?.readPixels(rect, content) ?? null,
      { rect, content },
    );
    if (!probe) throw new Error('the canvas could not be read');
    return {
      width: probe.width,
      height: probe.height,
      rgba: new Uint8Array(Buffer.from(probe.rgbaBase64, 'base64')),
    };
  }

  /** Waits until a result for `revision` is on screen; resolves with its timings. */
  async waitForResult(
    revision: number,
    afterSeq: number,
    timeout = 60_000,
  ): Promise<AppEventDetails['synthesis-shown']> {
    const handle = await this.page.waitForFunction(
      ([wanted, after]: readonly [number, number]) => {
        const api = (window as TestWindow).__faceshopTest;
        const failed = api
          ?.events()
          .find((event) => event.seq > after && event.name === 'synthesis-failed');
        if (failed) throw new Error(`synthesis failed: ${JSON.stringify(failed.detail)}`);
        return api
          ?.events()
          .find(
            (event) =>
              event.seq > after &&
              event.name === 'synthesis-shown' &&
              (event.detail as { revision: number }).revision === wanted,
          )?.detail;
      },
      [revision, afterSeq] as const,
      { timeout },
    );
    return (await handle.jsonValue()) as AppEventDetails['synthesis-shown'];
  }

  /** Presses and releases a key or chord ("b", "Control+z"). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** A stroke with the mouse through `points` (photo pixels), `steps` moves per segment. */
  async drag(points: readonly PhotoPoint[], steps = 4): Promise<void> {
    const mapping = await this.viewMapping();
    const toPage = ([x, y]: PhotoPoint) =>
      [mapping.originX + x * mapping.zoom, mapping.originY + y * mapping.zoom] as const;
    const [first, ...rest] = points;
    if (!first) throw new Error('a drag needs a point');
    await this.page.mouse.move(...toPage(first));
    await this.page.mouse.down();
    for (const point of rest) await this.page.mouse.move(...toPage(point), { steps });
    await this.page.mouse.up();
  }

  /** Moves the mouse over a photo point without pressing. */
  async hover([x, y]: PhotoPoint): Promise<void> {
    const mapping = await this.viewMapping();
    await this.page.mouse.move(
      mapping.originX + x * mapping.zoom,
      mapping.originY + y * mapping.zoom,
    );
  }

  /** Turns the mouse wheel where the mouse is; resolves once the zoom has changed. */
  async wheel(deltaY: number): Promise<void> {
    const before = (await this.readDocument()).viewport.zoom;
    await this.page.mouse.wheel(0, deltaY);
    await this.page.waitForFunction(
      (zoom) => (window as TestWindow).__faceshopTest?.readDocument()?.viewport.zoom !== zoom,
      before,
    );
  }

  /** Where a photo point is in the page, with the current viewport. */
  async pagePoint([x, y]: PhotoPoint): Promise<{ x: number; y: number }> {
    const mapping = await this.viewMapping();
    return { x: mapping.originX + x * mapping.zoom, y: mapping.originY + y * mapping.zoom };
  }

  /** Sets the color picker's value as choosing a color in it does. */
  async chooseColor(color: string): Promise<void> {
    await this.page.getByTestId('color-input').fill(color);
  }

  private async viewMapping(): Promise<ViewMapping> {
    const { viewport } = await this.readDocument();
    const box = await this.page.getByTestId('photo-canvas').boundingBox();
    if (!box) throw new Error('the canvas is not on screen');
    return {
      zoom: viewport.zoom,
      originX: box.x + viewport.offsetX,
      originY: box.y + viewport.offsetY,
    };
  }
}
