import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // The database gate (src/database/database.ts) is the only holder of TypeORM's DataSource:
    // every query goes through it, so none can run inside another caller's SQLite transaction.
    files: ['src/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    ignores: ['src/database/**', 'test/schema.e2e-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['DataSource'],
              message: 'Passez par Database (src/database/database.ts) : read() ou transaction().',
            },
            {
              name: '@nestjs/typeorm',
              message: 'Passez par Database (src/database/database.ts) : read() ou transaction().',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='connection'][object.name!='m']",
          message: 'Le DataSource ne sort pas de Database : utilisez le gestionnaire reçu.',
        },
      ],
    },
  },
);
