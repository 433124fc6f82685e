/**
 * ESLint rule `faceshop/layering`: every import must be allowed by the importing file's layer
 * (./layers.mjs). Relative imports are resolved to the folder they point at, so
 * `../../electron/core/x` from renderer/ is caught whatever its spelling; bare specifiers are
 * checked as npm packages or Node built-ins. Type-only imports count too: a type from another
 * layer is still a dependency on it.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { layers as defaultLayers } from './layers.mjs';

/** @typedef {import('./layers.mjs').Layer} Layer */

const NODE_BUILTINS = new Set(builtinModules);

/**
 * @param {string} specifier
 * @returns {{ kind: 'builtin', name: string } | { kind: 'package', name: string } | { kind: 'relative' }}
 */
export function classifySpecifier(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return { kind: 'relative' };
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier)) {
    return { kind: 'builtin', name: specifier.replace(/^node:/, '') };
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return { kind: 'package', name };
}

/**
 * @param {string} repoPath a path relative to the repository root, with forward slashes
 * @param {readonly Layer[]} layers
 */
export function layerOf(repoPath, layers = defaultLayers) {
  return layers.find((layer) => repoPath.startsWith(layer.folder)) ?? null;
}

/**
 * Why `specifier`, imported from `importerPath`, breaks the layering; null when it is allowed.
 * Paths are relative to the repository root.
 *
 * @param {string} importerPath
 * @param {string} specifier
 * @param {readonly Layer[]} layers
 * @returns {string | null}
 */
export function layeringViolation(importerPath, specifier, layers = defaultLayers) {
  const layer = layerOf(importerPath, layers);
  if (layer === null) return null;
  const target = classifySpecifier(specifier);

  if (target.kind === 'builtin') {
    return layer.nodeBuiltins
      ? null
      : `${layer.name} may not use Node's "${target.name}": ${layer.why}.`;
  }
  if (target.kind === 'package') {
    const allowed =
      'allow' in layer.packages
        ? layer.packages.allow.includes(target.name)
        : !layer.packages.deny.includes(target.name);
    return allowed ? null : `${layer.name} may not import "${target.name}": ${layer.why}.`;
  }

  const targetPath = path.posix.normalize(
    path.posix.join(path.posix.dirname(importerPath), specifier),
  );
  const targetLayer = layerOf(targetPath, layers);
  if (targetLayer === null) {
    return `${layer.name} may not import ${targetPath}, which is outside the layered folders.`;
  }
  if (!layer.mayImport.includes(targetLayer.name)) {
    return `${layer.name} may not import from ${targetLayer.name} (${targetPath}): ${layer.why}.`;
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports within the layers of DESIGN.md' },
    schema: [],
  },
  create(context) {
    const importerPath = path
      .relative(context.cwd, context.filename)
      .split(path.sep)
      .join(path.posix.sep);

    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const violation = layeringViolation(importerPath, source.value);
      if (violation !== null) context.report({ node: source, message: violation });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
