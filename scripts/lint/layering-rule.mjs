/**
 * ESLint rule `faceshop/layering`: every import must be allowed by the importing file's layer
 * (./layers.mjs). Relative imports are resolved to the folder they point at, so
 * `../../electron/core/x` from renderer/ is caught whatever its spelling; bare specifiers are
 * checked as npm packages or Node built-ins. Type-only imports count too: a type from another
 * layer is still a dependency on it. A layer without DOM (`domGlobals: false`) is also checked
 * for the browser's own globals, by the names the file leaves unresolved or resolves to
 * globals: `window`, `document`, `HTMLElement` as a type, and so on. Globals that Node has as
 * well (`console`, `setTimeout`, `URL`, `performance`) run anywhere and stay allowed.
 */
import globals from 'globals';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { layers as defaultLayers } from './layers.mjs';

/** @typedef {import('./layers.mjs').Layer} Layer */

const NODE_BUILTINS = new Set(builtinModules);

/** The browser's globals that neither ECMAScript nor Node has. */
export const DOM_GLOBALS = new Set(
  Object.keys(globals.browser).filter(
    (name) => !(name in globals.node) && !(name in globals.builtin),
  ),
);

/**
 * Why using the global `name` in `importerPath` breaks the layering; null when it is allowed.
 *
 * @param {string} importerPath
 * @param {string} name
 * @param {readonly Layer[]} layers
 * @returns {string | null}
 */
export function globalViolation(importerPath, name, layers = defaultLayers) {
  const layer = layerOf(importerPath, layers);
  if (layer === null || layer.domGlobals !== false || !DOM_GLOBALS.has(name)) return null;
  return `${layer.name} may not use the DOM's "${name}": ${layer.why}.`;
}

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
  // With a slash, so that a folder's index (`'../editor'`) belongs to the folder's layer.
  const targetLayer = layerOf(`${targetPath}/`, layers);
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

    /** @param {import('estree').Program} program */
    function checkGlobals(program) {
      const scope = context.sourceCode.getScope(program);
      /** @type {Set<unknown>} */
      const reported = new Set();
      /** @param {import('eslint').Scope.Reference} reference */
      const checkReference = (reference) => {
        const violation = globalViolation(importerPath, reference.identifier.name);
        if (violation === null || reported.has(reference.identifier)) return;
        reported.add(reference.identifier);
        context.report({ node: reference.identifier, message: violation });
      };
      // Declared globals (the browser's, from the config, or TypeScript's lib) hold their
      // references; names no configuration declares stay unresolved in `through`.
      for (const variable of scope.variables) {
        if (variable.defs.length === 0) variable.references.forEach(checkReference);
      }
      scope.through.forEach(checkReference);
    }

    return {
      'Program:exit': checkGlobals,
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
