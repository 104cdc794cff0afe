import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers enforced by lint (ARCHITECTURE §1, VS Code style): shared/ is pure; the backend and the
// HTTP server never import Electron; the renderer never imports anything under electron/.
// Bare builtin names go in `paths` (exact match): as `patterns` they would also match our own
// modules that happen to be called events.ts or path.ts.
const NODE_BUILTIN_PATHS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'worker_threads', 'events', 'stream', 'util', 'zlib'];
const NODE_BUILTINS = ['node:*'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      // Chinese text legitimately uses the ideographic space (U+3000) inside strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipJSXText: true, skipRegExps: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTIN_PATHS.map((name) => ({ name, message: 'shared/ is the pure domain core: no Node APIs.' })),
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ is the pure domain core: no Node APIs.' },
            { group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'antd', 'ag-grid-*', 'docx', 'exceljs'], message: 'shared/ imports no Electron, database, UI or document library.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not reach into other layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'window', message: 'shared/ runs in Node too: no DOM.' }, { name: 'document', message: 'shared/ runs in Node too: no DOM.' }, { name: 'localStorage', message: 'no DOM in shared/' }],
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/server/**/*.ts', 'electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron'], message: 'The backend and server are plain Node: they run inside Electron, the HTTP server and vitest unchanged.' }, { group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Backend code may not import the UI or the Electron shell.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTIN_PATHS.map((name) => ({ name, message: 'The renderer runs sandboxed: no Node APIs.' })),
          patterns: [
            { group: ['**/electron/**', 'electron'], message: 'The renderer talks to the backend only through renderer/src/api/client.ts.' },
            { group: NODE_BUILTINS, message: 'The renderer runs sandboxed: no Node APIs.' },
            { group: ['better-sqlite3'], message: 'The renderer never touches the database.' },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures must destructure their (possibly empty) dependencies.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/backend/**', '**/server/**', 'better-sqlite3'], message: 'The preload only bridges IPC.' }] }] },
  },
);
