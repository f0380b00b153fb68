import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

describe('generated files (types, validators, forms)', () => {
	it('are exactly what `npm run generate` produces from schemas/', () => {
		// Run as its own process (through tsx, as `npm run generate` does): the type generator formats with
		// prettier, which jest's VM cannot load.
		const script = path.join(__dirname, '..', '..', 'scripts', 'generate.ts');
		const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--check'], {
			encoding: 'utf8',
		});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/generierte Dateien sind aktuell/);
	});
});
