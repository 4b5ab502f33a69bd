// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const FEATURE_LIBS = ['users', 'content', 'demo', 'notifications', 'security-analytics'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'scratch/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  // Module boundaries (also checked by dependency-cruiser): a lib is entered through its index.
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nexus/*/*'], message: 'Import a lib through its index (@nexus/<lib>).' },
            {
              group: ['**/src/**', '**/libs/**'],
              message: 'Import another lib through its alias (@nexus/<lib>).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: FEATURE_LIBS.map((l) => `@nexus/${l}`),
              message: 'libs/core imports no feature lib.',
            },
            {
              group: ['@nexus/*/*', '**/src/**', '**/libs/**'],
              message: 'Import another lib through its alias.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-console': 'off' },
  },
);
