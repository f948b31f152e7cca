import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.next*/**', 'node_modules/**', 'dist/**', 'bench/data/**', 'data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/results/**'] },
  js.configs.recommended,
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The DOM's window properties type-check as globals: a forgotten `status` or `name` compiles.
      'no-restricted-globals': ['error', 'status', 'name', 'length', 'event', 'origin', 'parent', 'top', 'closed', 'open', 'close', 'stop', 'find', 'print', 'history', 'location'],
    },
  },
);
