// n8n's community-node lint rules (the plugin @n8n/node-cli uses) on nodes, credentials and package.json.
// One deliberate deviation: runtime dependencies are allowed, because this package is for self-hosted
// n8n only (see README, "Dependencies and why").
// The generators and helper scripts (scripts/) get typescript-eslint's recommended rules and the size limits
// of the project (300 lines a file, 60 a function).
// Every TypeScript file of the repository keeps the size limits (eslint-rules/size-limits.mjs), and Prettier's
// formatting is checked by `npm run format:check` (eslint-config-prettier keeps ESLint out of formatting).
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import prettierConfig from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import sizeLimits from './eslint-rules/size-limits.mjs';

// The preset for self-hosted n8n: it leaves out the two n8n Cloud rules (no Node built-ins, no `process`).
const recommended = n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport;

export default [
	{
		ignores: [
			'node_modules/**',
			'dist/**',
			'src/generated/**',
			'**/*.js',
			'*.mjs',
			'eslint-rules/**',
		],
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		...recommended,
		languageOptions: { parser: tseslint.parser },
	},
	{
		// The nodes and credentials reach the domain core only through its facade, src/index.ts.
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '(^|/)src/(?!index$)',
							message:
								'Nodes and credentials import the core only through src/index (the facade); export what is missing there.',
						},
					],
				},
			],
		},
	},
	{
		files: ['package.json'],
		...recommended,
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		rules: {
			...recommended.rules,
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['scripts/**/*.ts'] })),
	{
		// Size limits everywhere: files ≤ 300 lines, functions ≤ 60 lines (a test suite's describe callback only groups).
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser },
		plugins: { size: sizeLimits, '@typescript-eslint': tseslint.plugin },
		rules: {
			'size/function-length': ['error', { suiteNames: ['describe', 'run', 'describeStaff'] }],
			'size/file-length': 'error',
		},
	},
	prettierConfig,
];
