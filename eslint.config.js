// ESLint flat config for the whole Portico monorepo.
//
// Formatting is Prettier's job (see .prettierrc.json); eslint-config-prettier
// comes last so no ESLint rule fights it. Rules are not type-aware on purpose:
// `pnpm typecheck` already runs tsc, and this keeps `pnpm lint` fast.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier/flat'
import { defineConfig, globalIgnores } from 'eslint/config'
import lit from 'eslint-plugin-lit'
import wc from 'eslint-plugin-wc'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const SOURCE = '**/*.{js,mjs,cjs,ts,mts,cts}'

// Code that ships to (or runs in) the browser: Lit components, their stories
// and the example apps.
const BROWSER_CODE = [`packages/elements/${SOURCE}`, `storybook/${SOURCE}`, `examples/${SOURCE}`]

// Code that runs in Node: the API, scripts, root files, and the Node-side
// files living next to browser code (build and test-runner configs, the
// Storybook main config, the intranet example's server, the shell's browser
// suite).
const NODE_CODE = [
  `api/${SOURCE}`,
  `**/scripts/${SOURCE}`,
  '*.{js,mjs,cjs,ts,mts,cts}',
  `**/*.config.{js,mjs,cjs,ts,mts,cts}`,
  'storybook/.storybook/main.{js,mjs,ts,mts}',
  'examples/intranet-embed/server.{js,mjs,ts,mts}',
  `examples/shell/test/${SOURCE}`,
]

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/storybook-static/',
    '**/.cache/',
    '**/data/',
    '**/coverage/',
    '**/custom-elements.json',
    'spec/',
    // Generated from spec/openapi.json by openapi-typescript.
    'packages/sdk/src/schema.ts',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'portico/base',
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.es2024 },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // The TypeScript-aware version handles both JS and TS; `_`-prefixed
      // names are deliberate (unused params, ignored tuple slots, etc.).
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  {
    name: 'portico/browser',
    files: BROWSER_CODE,
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    languageOptions: {
      globals: { ...globals.browser },
    },
    settings: {
      lit: { elementBaseClasses: ['LitElement'] },
      wc: { elementBaseClasses: ['LitElement'] },
    },
    rules: {
      // LitElement implements every lifecycle callback, and Lit requires the
      // super call (lit/lifecycle-super), so guarding it is pointless noise.
      'wc/guard-super-call': 'off',
    },
  },

  {
    name: 'portico/node',
    files: NODE_CODE,
    languageOptions: {
      globals: { ...globals.node },
    },
  },

  {
    name: 'portico/api-hot-path',
    files: ['api/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // Hono's `c.var` builds a fresh object of every variable on each
          // read; the API reads them on every request.
          selector: "MemberExpression[object.name='c'][property.name='var']",
          message:
            "Read one variable with c.get('name'): c.var copies all of them on every access.",
        },
      ],
    },
  },

  prettier,
)
