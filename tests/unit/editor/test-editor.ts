/**
 * A headless editor for tests (STYLE.md 11): drives the real Editor with simulated pointer and
 * keyboard input, records what it signals, and reads the document and both history stacks in
 * words a reader of the test understands ("Sketch stroke", not patch paths).
 *
 *   const t = new TestEditor();
 *   t.press('S').drag([10, 10], [40, 10]);
 *   expect(t.history()).toEqual({ undo: ['Sketch stroke'], redo: [] });
 */
import {
  createEmptyDocument,
  topLayerOfKind,
  type FaceDocument,
  type HexColor,
  type Layer,
  type LayerKind,
  type Point,
  type Stroke,
  type StrokeChannel,
} from '../../../shared/document';
import { Editor } from '../../../renderer/editor/editor';
import { createCountingIds } from '../../../renderer/editor/ids';
import type { Platform } from '../../../renderer/editor/shortcuts/key-chord';
import type { PointerKind, StrokeCommit } from '../../../renderer/editor/tools/tool';

/** 1000 × 800: the default work area is the centered 800 px square at x = 100. */
export const TEST_PHOTO = { assetId: 'photo-test', width: 1000, height: 800 } as const;

export interface TestEditorOptions {
  readonly document?: FaceDocument;
  readonly platform?: Platform;
  readonly sampleColor?: (point: Point) => HexColor | null;
  /** Seeds a tiny deterministic generator for `new-seed`. */
  readonly randomValues?: readonly number[];
  readonly historyLimit?: number;
}

export interface PointerOptions {
  readonly pressure?: number;
  readonly pointerType?: PointerKind;
}

type XY = readonly [number, number];

export class TestEditor {
  readonly editor: Editor;
  readonly platform: Platform;
  /** Every revision `onSynthesisNeeded` announced, in order. */
  readonly synthesisRequests: number[] = [];
  readonly commits: StrokeCommit[] = [];
  readonly refusals: string[] = [];
  private pointerOptions: PointerOptions = {};

  constructor(options: TestEditorOptions = {}) {
    this.platform = options.platform ?? 'other';
    const values = [...(options.randomValues ?? [0.25, 0.5, 0.75])];
    let next = 0;
    this.editor = new Editor(options.document ?? createEmptyDocument(TEST_PHOTO, 7), {
      platform: this.platform,
      ids: createCountingIds(),
      random: () => values[next++ % values.length] as number,
      ...(options.sampleColor ? { sampleColor: options.sampleColor } : {}),
      ...(options.historyLimit === undefined ? {} : { historyLimit: options.historyLimit }),
    });
    this.editor.onSynthesisNeeded((revision) => this.synthesisRequests.push(revision));
    this.editor.onStrokeCommitted((commit) => this.commits.push(commit));
    this.editor.refused.subscribe((reason) => this.refusals.push(reason));
  }

  // ── Reading ──────────────────────────────────────────────────────────────────────────────

  get document(): FaceDocument {
    return this.editor.document;
  }

  get session() {
    return this.editor.session;
  }

  layer<K extends LayerKind>(kind: K): Extract<Layer, { kind: K }> {
    const layer = topLayerOfKind(this.document, kind);
    if (!layer) throw new Error(`the test document has no ${kind} layer`);
    return layer;
  }

  /** The strokes of the (topmost) mask, sketch or color layer. */
  strokes(channel: StrokeChannel): readonly Stroke[] {
    return this.layer(channel).strokes;
  }

  /** Both history stacks by step name: undo oldest first, redo next-to-redo first. */
  history(): { undo: string[]; redo: string[] } {
    const { steps, position } = this.editor.history;
    return {
      undo: steps.slice(0, position).map((step) => step.label),
      redo: steps.slice(position).map((step) => step.label),
    };
  }

  // ── Pointer input, in photo pixels ──────────────────────────────────────────────────────

  /** Pressure and device for the following pointer events (default: a mouse at 0.5). */
  usePointer(options: PointerOptions): this {
    this.pointerOptions = options;
    return this;
  }

  pointerDown([x, y]: XY, options: PointerOptions = {}): this {
    this.editor.pointerDown(this.pointer(x, y, options));
    return this;
  }

  pointerMove([x, y]: XY, options: PointerOptions = {}): this {
    this.editor.pointerMove(this.pointer(x, y, options));
    return this;
  }

  pointerUp([x, y]: XY, options: PointerOptions = {}): this {
    this.editor.pointerUp(this.pointer(x, y, options));
    return this;
  }

  /** Press at the first point, move through the others, release at the last. */
  drag(...points: XY[]): this {
    const [first, ...rest] = points;
    if (!first) throw new Error('drag needs at least one point');
    this.pointerDown(first);
    for (const point of rest) this.pointerMove(point);
    return this.pointerUp(points.at(-1) ?? first);
  }

  /** A drag given in view pixels: converted with the viewport current at each event. */
  dragInView(...points: XY[]): this {
    const toPhoto = ([x, y]: XY): XY => {
      const { zoom, offsetX, offsetY } = this.session.viewport;
      return [(x - offsetX) / zoom, (y - offsetY) / zoom];
    };
    const [first, ...rest] = points;
    if (!first) throw new Error('drag needs at least one point');
    this.pointerDown(toPhoto(first));
    for (const point of rest) this.pointerMove(toPhoto(point));
    return this.pointerUp(toPhoto(points.at(-1) ?? first));
  }

  // ── Keyboard input ──────────────────────────────────────────────────────────────────────

  /** Presses and releases a shortcut written like the commands write them ("Mod+Shift+Z"). */
  press(shortcut: string): this {
    return this.keyDown(shortcut).keyUp(shortcut);
  }

  keyDown(shortcut: string, options: { repeat?: boolean } = {}): this {
    this.editor.keyDown({ ...this.keyInput(shortcut), repeat: options.repeat === true });
    return this;
  }

  keyUp(shortcut: string): this {
    this.editor.keyUp(this.keyInput(shortcut));
    return this;
  }

  escape(): this {
    return this.press('Escape');
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────

  private pointer(x: number, y: number, options: PointerOptions) {
    return {
      x,
      y,
      pressure: options.pressure ?? this.pointerOptions.pressure ?? 0.5,
      pointerType: options.pointerType ?? this.pointerOptions.pointerType ?? 'mouse',
    };
  }

  /**
   * Builds the KeyboardEvent fields a browser would send. Written independently of the
   * editor's own shortcut parser so the tests do not check the parser against itself.
   */
  private keyInput(shortcut: string) {
    const parts = shortcut === '+' ? ['+'] : shortcut.split('+');
    const name = parts.at(-1) ?? '';
    const modifiers = new Set(parts.slice(0, -1).map((part) => part.toLowerCase()));
    const mod = modifiers.has('mod');
    const shift = modifiers.has('shift');
    const named: Record<string, string> = { Space: ' ', Escape: 'Escape', Plus: '+' };
    const key =
      named[name] ?? (shift && name.length === 1 ? name.toUpperCase() : name.toLowerCase());
    return {
      key,
      ctrlKey: modifiers.has('ctrl') || (mod && this.platform === 'other'),
      metaKey: modifiers.has('cmd') || (mod && this.platform === 'mac'),
      shiftKey: shift,
      altKey: modifiers.has('alt'),
    };
  }
}
