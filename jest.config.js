'use strict';
// Two projects: `unit` (fast, no services) and `integration` (real PostgreSQL, Redis, n8n, Chromium).
// `npm test` runs both; `npm run test:unit` runs only the fast one.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const common = {
	verbose: true,
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
	setupFiles: ['<rootDir>/test/helpers/n8n/setup-env.ts'],
};
module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
	],
};
