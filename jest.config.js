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
// Timeouts are sized for a loaded machine (several test runs on 2 shared cores take 5–10× longer than an idle one), not
// for an idle one: jest's 5 s default failed the funder report's n8n run under load. Suites that do more (Chromium,
// real n8n, random sequences) set their own, larger timeouts; tests wait for conditions, never for fixed times.
module.exports = {
	projects: [
		{
			...common,
			displayName: 'unit',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/helpers/timeouts/unit.ts'],
		},
		{
			...common,
			displayName: 'integration',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/helpers/timeouts/integration.ts'],
		},
	],
};
