// Type-aware lint: the rules that catch real defects (unawaited promises above all), not style.
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/**', 'coverage/**', 'scratch/**', '**/*.js'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through @larder/config.' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['@larder/*/*'], message: 'Import a library only through its index (@larder/<lib>).' }] }],
    },
  },
  { files: ['libs/config/**/*.ts', '**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
);
