/**
 * Lint is part of the one gate (`npm test`) and runs with zero warnings allowed. Beyond the
 * usual correctness rules it enforces the architecture: `faceshop/layering` checks every import
 * against the layers in scripts/lint/layers.mjs, and only renderer/bridge/ may touch the bridge
 * the preload puts on `window`.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layeringRule } from './scripts/lint/layering-rule.mjs';

const bridgeOnly = 'The backend is reached only through renderer/bridge/backend.ts.';

const noEnums = {
  selector: 'TSEnumDeclaration',
  message: 'Use a union of string literals or a zod enum; enums do not erase.',
};

export default defineConfig(
  globalIgnores(['dist/', 'release/', 'test-results/', 'coverage/', 'models/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { faceshop: { rules: { layering: layeringRule } } },
    rules: {
      'faceshop/layering': 'error',
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': ['error', noEnums],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`, and
    // its mocks are asserted on unbound; both are idiomatic in tests and nowhere else.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/host/shim/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.mjs', 'tests/**/*.ts', '*.{js,ts}'],
    ignores: ['electron/host/shim/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
  },
  {
    // Every window gets its security settings from the one factory.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/window-factory.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        noEnums,
        {
          selector: "NewExpression[callee.name='BrowserWindow']",
          message: 'Create windows with createMainWindow (electron/main/window-factory.ts).',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/bridge/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'faceshop', message: bridgeOnly },
        { object: 'globalThis', property: 'faceshop', message: bridgeOnly },
      ],
    },
  },
);
