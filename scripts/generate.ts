// `npm run generate`: regenerates every generated file from schemas/ (and the workflow templates from districts/).
// `npm run generate -- --check`: exits 1 and names the files that are stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateForms } from './generate-forms';
import { generateTypes } from './generate-types';
import { generateValidators } from './generate-validators';
import { generateWorkflows } from './generate-workflows';

const root = path.join(__dirname, '..');

/** Every generated file: path relative to the package root → content. */
async function generateAll(): Promise<Map<string, string>> {
	const files = new Map<string, string>();
	files.set('src/generated/types.ts', await generateTypes());
	const validators = generateValidators();
	files.set('src/generated/validators.cjs', validators.js);
	files.set('src/generated/validators.d.cts', validators.dts);
	for (const [name, content] of Object.entries(generateForms())) files.set(name, content);
	for (const [name, content] of Object.entries(generateWorkflows())) files.set(name, content);
	return files;
}

function staleFiles(files: Map<string, string>): string[] {
	return [...files]
		.filter(([rel, content]) => {
			const abs = path.join(root, rel);
			return !fs.existsSync(abs) || fs.readFileSync(abs, 'utf8') !== content;
		})
		.map(([rel]) => rel);
}

async function main(): Promise<void> {
	const files = await generateAll();
	if (process.argv.includes('--check')) {
		const stale = staleFiles(files);
		if (stale.length) {
			console.error(
				`Veraltete generierte Dateien (npm run generate ausführen):\n  ${stale.join('\n  ')}`,
			);
			process.exit(1);
		}
		console.log(`${files.size} generierte Dateien sind aktuell.`);
		return;
	}
	for (const [rel, content] of files) {
		const abs = path.join(root, rel);
		fs.mkdirSync(path.dirname(abs), { recursive: true });
		fs.writeFileSync(abs, content);
	}
	console.log(`${files.size} Dateien erzeugt.`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
