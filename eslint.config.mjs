// One lint config for the workspace. Type-aware rules catch promises nobody awaits and switches that
// miss a case; shared/ may not import a framework.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * Every server feature module has the same rooms (http/, use-cases/, repositories, presenter, policy,
 * entities/); the guard rails below hold for each of them, and for any module added later.
 */
const inHouse = (glob) => [`server/src/modules/*/${glob}`]

/** Another module's entities: reach that module through its exported service instead. */
const OTHER_MODULES_ENTITIES = {
  group: [
    '../*/entities',
    '../*/entities/*',
    '../../*/entities',
    '../../*/entities/*',
    '../../../*/entities',
    '../../../*/entities/*',
  ],
  message: 'A module reaches another module through its exported service, never its entities.',
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'miniapp/dist-h5/**',
      'test-results/**',
      'data/**',
      'release/**',
      'miniapp/config/**',
      'miniapp/babel.config.js',
      '**/*.config.js',
      'server/src/migrations/**',
      'miniapp/.swc/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'typeorm/*',
                '@tarojs/*',
                'react',
                'fastify',
                'mysql2',
                'better-sqlite3',
              ],
              message: 'shared/ stays framework-free: pure rules, types and schemas only.',
            },
          ],
        },
      ],
    },
  },
  {
    // only repositories, entities and core/database may use TypeORM's values (types are fine anywhere)
    files: inHouse('**/*.ts'),
    ignores: inHouse('*.repository.ts').concat(inHouse('entities/**')),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              allowTypeImports: true,
              message: 'Queries live in the module repository; use a type import here.',
            },
          ],
          patterns: [OTHER_MODULES_ENTITIES],
        },
      ],
    },
  },
  {
    files: inHouse('*.repository.ts').concat(inHouse('entities/**')),
    rules: { 'no-restricted-imports': ['error', { patterns: [OTHER_MODULES_ENTITIES] }] },
  },
  {
    // a presenter turns rows into answers: pure, no queries
    files: ['server/src/modules/*/*.presenter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'typeorm', allowTypeImports: true, message: 'A presenter runs no queries.' }],
          patterns: [
            { group: ['./*.repository', '../*.repository'], message: 'A presenter runs no queries.' },
          ],
        },
      ],
    },
  },
  {
    // core/ is what modules build on; it knows none of them
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**'], message: 'core/ imports nothing from modules/.' }] },
      ],
    },
  },
  {
    // a file is read in one sitting
    files: inHouse('**/*.ts'),
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  {
    // a miniapp file is read in one sitting too
    files: ['miniapp/src/**/*.ts', 'miniapp/src/**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
)
