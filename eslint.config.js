// Lint: typescript-eslint with type information, so floating promises and non-exhaustive
// switches over unions are errors. The structure rules below are the capability shape written
// as rules (docs/architecture.md): pure cores, small modules, capabilities reached through
// their index.ts.
import tseslint from 'typescript-eslint';

const capabilities = [
  'accounts',
  'activity',
  'ads',
  'bank-statements',
  'candidates',
  'compliance',
  'downloads',
  'elections',
  'explore',
  'filings',
  'finance',
  'lottery',
  'parties',
  'programmes',
  'search',
];

// Inside one capability, another capability is reached only through its index.ts.
const otherCapabilityInternals = (own) =>
  capabilities
    .filter((name) => name !== own)
    .map((name) => ({
      group: [`**/${name}/*`, `!**/${name}/index`, `!**/${name}/index.ts`, `!**/${name}/index.js`],
      message: `Reach the ${name} capability through its index.ts.`,
    }));

// Pure code: the law and the formats as plain functions, no I/O or framework.
const impure = [
  {
    group: [
      'kysely',
      'kysely/*',
      'fastify',
      'fastify/*',
      '@fastify/*',
      'pg',
      'better-sqlite3',
      'node:fs',
      'node:fs/*',
      'fs',
      'fs/*',
    ],
    message: 'Pure code: no database, web framework or file system.',
  },
  { group: ['**/platform/db/*', '**/*.repository', '**/*.repository.js'], message: 'Pure code: no database.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'coverage/**',
      '.bench/**',
      '*-tmp.ts',
      '**/*.client.js',
      'bin/**',
      'eslint.config.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/*.messages.ts',
      '**/messages.ts',
      '**/migrations/**',
      'src/demo/**',
      '**/*-demo.ts',
      '**/fuzz-cases.ts',
    ],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true, IIFEs: true }],
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  ...capabilities.map((name) => ({
    files: [`src/${name}/**/*.ts`, `src/${name}/**/*.tsx`],
    // Tests may use another capability's test support to build their fixtures.
    ignores: [`src/${name}/core/**`, '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: otherCapabilityInternals(name) }] },
  })),
  ...capabilities.map((name) => ({
    files: [`src/${name}/core/**/*.ts`, `src/${name}/core/**/*.tsx`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...impure, ...otherCapabilityInternals(name)] }] },
  })),
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: impure }] },
  },
  ...capabilities.map((name) => ({
    files: [`src/${name}/views/**/*.ts`, `src/${name}/views/**/*.tsx`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/*.repository', '**/*.repository.js', '**/*.service', '**/*.service.js'],
              message: 'Views import services and repositories as types only.',
              allowTypeImports: true,
            },
            ...otherCapabilityInternals(name),
          ],
        },
      ],
    },
  })),
);
