import * as fs from 'node:fs';
import * as path from 'node:path';

/** A folder shipped at the package root (`districts/`, `reports/`), found from `src/` and from `dist/src/`. */
export function shippedFolder(name: string, marker?: string): string {
	const candidates = [path.join(__dirname, '..', name), path.join(__dirname, '..', '..', name)];
	const found = candidates.find((dir) => fs.existsSync(marker ? path.join(dir, marker) : dir));
	if (!found)
		throw new Error(`Package folder ${name}/ not found (looked in ${candidates.join(', ')})`);
	return found;
}

/** The ids of the JSON files in a folder (file names without `.json`), sorted. */
export function jsonIdsIn(dir: string): string[] {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.replace(/\.json$/, ''))
		.sort();
}
