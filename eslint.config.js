// One linter for the TypeScript pipeline, the CLI, the tests and the Astro pages.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', '**/*.tmp-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The catalogue stage comes first: it never imports a later one (types included).
    files: ['src/catalog/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'audience',
                'build',
                'cli',
                'components',
                'dev',
                'governance',
                'kpi',
                'layouts',
                'lint',
                'mock',
                'pages',
                'preview',
                'publish',
                'search',
                'site',
              ].map((stage) => `**/${stage}/*`),
              message: 'src/catalog is the first stage: move what both need into src/catalog instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' } },
  },
);
