// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'url', 'util'];
const noElectron = { name: 'electron', message: 'Only src/main and src/preload may import electron.' };

/** Keeps each layer in its environment (see ARCHITECTURE.md). */
const layer = (files, paths, patterns = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The browser extension: plain modules run by the browser, no build step.
    files: ['resources/extension/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser, ...globals.webextensions } },
  },
  layer(
    ['src/shared/**'],
    [noElectron],
    [
      { group: nodeBuiltins, message: 'src/shared is pure TypeScript: no Node modules.' },
      { group: ['react', 'react-dom', 'lowdb'], message: 'src/shared has no framework or store code.' },
    ],
  ),
  layer(
    ['src/core/**', 'src/server/**', 'src/cli/**'],
    [noElectron],
    [
      {
        group: ['**/renderer/**', '**/main/**', '**/preload/**'],
        message: 'The core and its doors never depend on the shell or the UI.',
      },
    ],
  ),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node modules.' },
            {
              group: ['**/core/**', '**/server/**', '**/cli/**', '**/main/**', '**/preload/**', 'lowdb'],
              message: 'The renderer imports only src/shared (via @shared).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Only src/renderer/src/lib/api.ts talks to the outside.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'notebook',
          message: 'Only src/renderer/src/lib/api.ts touches the bridge.',
        },
      ],
    },
  },
  {
    files: ['src/renderer/src/lib/api.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, '**/core/**'],
              message: 'The sandboxed preload only bridges the contract.',
            },
          ],
        },
      ],
    },
  },
);
