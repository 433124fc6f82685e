/**
 * The CLI's commands, in the order `faceshop --help` lists them. A new command is one file in
 * this folder plus one line here (DESIGN.md, contract 2).
 */
import type { CliCommand } from '../cli-command';
import { batchCommand } from './batch-command';
import { editCommand } from './edit-command';
import { infoCommand } from './info-command';
import { renderCommand } from './render-command';
import { pasteCommand } from './paste-command';
import { sketchCommand } from './sketch-command';

export const cliCommands: readonly CliCommand[] = [
  editCommand,
  batchCommand,
  renderCommand,
  pasteCommand,
  sketchCommand,
  infoCommand,
];
