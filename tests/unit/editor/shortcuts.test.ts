/** The keymap: registration refuses ambiguity; keys reach the right commands on each platform. */
import { describe, expect, it } from 'vitest';
import { setViewSize } from '../../../renderer/editor/commands/set-view-size';
import {
  AmbiguousShortcutError,
  ShortcutRegistry,
} from '../../../renderer/editor/shortcuts/shortcut-registry';
import { InvalidShortcutError } from '../../../shared/commands/key-chord';
import {
  createDefaultKeymap,
  defaultKeyBindings,
} from '../../../renderer/editor/shortcuts/default-keymap';
import { TestEditor } from './test-editor';

const binding = (keys: string, commandId: string) => ({ keys, commandId, action: commandId });

describe('ShortcutRegistry', () => {
  it('refuses a second command on the same key', () => {
    const registry = new ShortcutRegistry<string>('other');
    registry.register(binding('B', 'mask-brush'));
    expect(() => registry.register(binding('b', 'blur'))).toThrow(AmbiguousShortcutError);
    expect(() => registry.register(binding('b', 'blur'))).toThrow(
      /"b".*bound to both "mask-brush" and "blur"/,
    );
  });

  it('refuses chords that collide on either platform', () => {
    const registry = new ShortcutRegistry<string>('mac');
    registry.register(binding('Mod+Y', 'one'));
    // On macOS these differ (Cmd+Y, Ctrl+Y); on Windows and Linux they are the same key.
    expect(() => registry.register(binding('Ctrl+Y', 'two'))).toThrow(/on other/);
  });

  it('refuses a Shift variant of a symbol, which the keyboard cannot tell apart', () => {
    const registry = new ShortcutRegistry<string>('other');
    registry.register(binding('[', 'smaller'));
    expect(() => registry.register(binding('Shift+[', 'other'))).toThrow(AmbiguousShortcutError);
  });

  it('leaves the registry unchanged when a registration is refused', () => {
    const registry = new ShortcutRegistry<string>('other');
    registry.register(binding('Ctrl+Y', 'redo'));
    expect(() => registry.register(binding('Mod+Y', 'other'))).toThrow();
    expect(registry.match({ key: 'y', ctrlKey: true })?.commandId).toBe('redo');
    expect(registry.bindingsOf('other')).toEqual([]);
  });

  it('refuses shortcuts it cannot parse', () => {
    const registry = new ShortcutRegistry<string>('other');
    expect(() => registry.register(binding('Hyper+K', 'x'))).toThrow(InvalidShortcutError);
    expect(() => registry.register(binding('Mod++', 'x'))).toThrow(/Plus/);
    expect(() => registry.register(binding('Mod+Banana', 'x'))).toThrow(/unknown key/);
  });

  it('distinguishes Shift on letters', () => {
    const registry = new ShortcutRegistry<string>('other');
    registry.register(binding('B', 'brush'));
    registry.register(binding('Shift+B', 'brush eraser'));
    expect(registry.match({ key: 'b' })?.commandId).toBe('brush');
    expect(registry.match({ key: 'B', shiftKey: true })?.commandId).toBe('brush eraser');
    expect(registry.match({ key: 'b', ctrlKey: true })).toBeUndefined();
  });
});

describe('the default keymap', () => {
  it('builds on both platforms, so no two commands share a key', () => {
    expect(() => createDefaultKeymap('mac')).not.toThrow();
    expect(() => createDefaultKeymap('other')).not.toThrow();
  });

  it('fails if a command claims a key already taken', () => {
    const registry = createDefaultKeymap('other');
    const emboss = {
      keys: 'E',
      commandId: 'emboss',
      action: { kind: 'press', invoke: () => {} },
    } as const;
    expect(() => registry.register(emboss)).toThrow(/"select-tool" and "emboss"/);
  });

  it('binds every tool to its letter', () => {
    const keys = defaultKeyBindings()
      .filter((entry) => entry.commandId === 'select-tool')
      .map((entry) => entry.keys);
    expect(keys).toEqual(['B', 'M', 'Shift+B', 'S', 'Shift+S', 'C', 'E', 'I', 'K', 'W', 'V', 'H']);
  });
});

describe('keys in the editor', () => {
  it('select the tools', () => {
    const t = new TestEditor();
    const selected = ['B', 'Shift+B', 'S', 'Shift+S', 'C', 'E', 'I', 'K', 'W', 'H', 'M'].map(
      (key) => t.press(key).session.tool,
    );
    expect(selected).toEqual([
      'mask-brush',
      'mask-eraser',
      'sketch-pen',
      'sketch-eraser',
      'color-brush',
      'eraser',
      'iris',
      'eyedropper',
      'work-area',
      'pan',
      'mask-brush',
    ]);
    expect(t.history()).toEqual({ undo: [], redo: [] });
  });

  it("make the drawing tool's layer active, and the eraser keep it", () => {
    const t = new TestEditor();
    expect(t.press('S').session.activeLayerId).toBe('layer-sketch');
    expect(t.press('E').session.activeLayerId).toBe('layer-sketch');
    expect(t.press('C').session.activeLayerId).toBe('layer-color');
    expect(t.press('I').session.activeLayerId).toBe('layer-iris');
    expect(t.press('B').session.activeLayerId).toBe('layer-mask');
  });

  it('use Cmd on macOS: Cmd+Z undoes, Ctrl+Z does not', () => {
    const t = new TestEditor({ platform: 'mac' });
    t.press('S').drag([10, 10], [50, 10]);
    t.press('Ctrl+Z');
    expect(t.history().undo).toEqual(['Sketch stroke']);
    t.press('Cmd+Z');
    expect(t.history()).toEqual({ undo: [], redo: ['Sketch stroke'] });
    t.press('Cmd+Shift+Z');
    expect(t.history().undo).toEqual(['Sketch stroke']);
  });

  it('report whether the editor used the key, so the UI can prevent the default', () => {
    const t = new TestEditor();
    expect(t.editor.keyDown({ key: 'b' })).toBe(true);
    expect(t.editor.keyDown({ key: 'q' })).toBe(false);
    expect(t.editor.keyDown({ key: 'Escape' })).toBe(false); // nothing to cancel
  });

  it('Space held turns any tool into the hand; releasing it brings the tool back', () => {
    const t = new TestEditor();
    t.press('S');
    t.keyDown('Space').keyDown('Space', { repeat: true });
    t.dragInView([100, 100], [130, 140]);
    expect(t.session.viewport).toMatchObject({ offsetX: 30, offsetY: 40 });
    expect(t.strokes('sketch')).toEqual([]);
    t.keyUp('Space');

    t.drag([10, 10], [50, 10]);
    expect(t.strokes('sketch')).toHaveLength(1);
    expect(t.session.tool).toBe('sketch-pen');
    expect(t.history().undo).toEqual(['Sketch stroke']);
  });

  it('Space pressed during a stroke does not interrupt it', () => {
    const t = new TestEditor();
    t.press('S').pointerDown([10, 10]).pointerMove([30, 10]);
    t.keyDown('Space');
    t.pointerMove([50, 10]).pointerUp([60, 10]);
    t.keyUp('Space');
    expect(t.strokes('sketch')[0]?.points.at(-1)).toMatchObject({ x: 60 });
    expect(t.session.viewport.offsetX).toBe(0);
  });

  it('holding the before/after key shows the original until released', () => {
    const t = new TestEditor();
    t.keyDown('\\');
    expect(t.session.showingOriginal).toBe(true);
    t.keyUp('\\');
    expect(t.session.showingOriginal).toBe(false);
  });

  it('zoom with Mod+= and Mod+-, fit with Mod+0, 100 % with Mod+1, none of it recorded', () => {
    const t = new TestEditor();
    t.editor.run(setViewSize, { width: 1048, height: 848 });
    expect(t.session.viewport).toEqual({ zoom: 1, offsetX: 24, offsetY: 24 });
    t.press('Mod+=');
    expect(t.session.viewport.zoom).toBe(1.25);
    t.press('Mod+-').press('Mod+-');
    expect(t.session.viewport.zoom).toBeCloseTo(0.8);
    t.press('Mod+1');
    expect(t.session.viewport.zoom).toBeCloseTo(1);
    t.press('Mod+0');
    expect(t.session.viewport).toEqual({ zoom: 1, offsetX: 24, offsetY: 24 });
    expect(t.history()).toEqual({ undo: [], redo: [] });
  });
});
