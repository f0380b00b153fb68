// dist/ is what n8n loads. Every end-to-end suite calls buildPackage() before it starts its n8n; the suites may run
// in parallel jest workers. One builds, the others wait (a lock folder in dist/), and a dist/ built from the
// sources as they are now is not built again: a second build would rewrite the files under an n8n another suite
// already runs, and cost every suite the build time.
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { onceUnderLock } from '../../../scripts/n8n-runtime/dir-lock';

const root = path.join(__dirname, '..', '..', '..');
const dist = path.join(root, 'dist');
/** The hash of the build inputs dist/ was built from. */
const stamp = path.join(dist, '.build-inputs');
/** What `npm run build` reads: tsconfig.build.json's sources and the assets gulpfile.js copies. */
const BUILD_INPUTS = [
	'package.json',
	'package-lock.json',
	'tsconfig.json',
	'tsconfig.build.json',
	'gulpfile.js',
	'src',
	'nodes',
	'credentials',
	'schemas',
	'forms',
	'workflows',
	'districts',
	'reports',
];

function inputsHash(): string {
	const hash = crypto.createHash('sha256');
	for (const input of BUILD_INPUTS) {
		const full = path.join(root, input);
		const files = fs.statSync(full).isDirectory()
			? fs
					.readdirSync(full, { recursive: true, encoding: 'utf8' })
					.map((file) => path.join(input, file))
					.sort()
			: [input];
		for (const file of files.filter((f) => fs.statSync(path.join(root, f)).isFile()))
			hash.update(`${file}\0`).update(fs.readFileSync(path.join(root, file)));
	}
	return hash.digest('hex');
}

const upToDate = (): boolean =>
	fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === inputsHash();

function build(): void {
	const inputs = inputsHash(); // before the build: a source changed meanwhile means another build next time
	const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
	fs.writeFileSync(stamp, inputs);
}

/** Builds dist/ (tsc + asset copy, a few seconds) unless it is built from the current sources. */
export async function buildPackage(): Promise<void> {
	fs.mkdirSync(dist, { recursive: true });
	await onceUnderLock(path.join(dist, '.build-lock'), {
		done: upToDate,
		work: build,
		waiting: (owner) => process.stderr.write(`[e2e] warte auf den Build von Prozess ${owner} …\n`),
	});
}
