/**
 * Selects a tool. Not recorded: a tool is a way of working, not part of the work, and undo that
 * switched tools would take back nothing the person made. Tools that draw into one kind of layer
 * make that layer active, unless a pasted region is active (it holds every channel, so the
 * person keeps refining the region with whichever tool they pick).
 */
import { findLayer, topLayerOfKind } from '../../../shared/document';
import type { ToolId } from '../state/tool-id';
import { TOOL_CATALOG, toolDescriptor } from '../tools/catalog';
import { defineCommand, type ShortcutSpec } from './command';

export const selectTool = defineCommand<ToolId>({
  id: 'select-tool',
  label: (tool) => toolDescriptor(tool).label,
  history: 'ignore',
  shortcuts: TOOL_CATALOG.flatMap((tool) =>
    tool.shortcuts.map((keys): ShortcutSpec<ToolId> => ({ keys, args: tool.id })),
  ),
  perform: (draft, tool) => {
    draft.session.tool = tool;
    const { layerKind } = toolDescriptor(tool);
    if (layerKind === null) return;
    const active = findLayer(draft.document, draft.session.activeLayerId);
    if (active?.kind === 'pasted-region' && layerKind !== 'iris') return;
    const target = topLayerOfKind(draft.document, layerKind);
    if (target) draft.session.activeLayerId = target.id;
  },
});
