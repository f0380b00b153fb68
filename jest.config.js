'use strict';
// Two projects: `unit` (fast, no services) and `integration` (real PostgreSQL, Redis, n8n, Chromium).
// `npm test` runs both; `npm run test:unit` runs only the fast one.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// ESM-only packages (OpenID Connect client and the test provider) compiled to CommonJS for jest's module registry;
// at run time Node 24 loads them with require() as they are.
const esmPackages = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];
const esmToCjs = [
	'ts-jest',
	{
		tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2023', esModuleInterop: true },
		diagnostics: false,
	},
];
const common = {
	verbose: true,
	testEnvironment: 'node',
	transform: {
		'^.+\\.ts$': tsJest,
		[`node_modules/(${esmPackages.join('|')})/.+\\.js$`]: esmToCjs,
	},
	transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
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
