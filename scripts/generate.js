#!/usr/bin/env node
'use strict';
// `npm run generate`: regenerates every generated file from schemas/ (and the workflow templates from districts/).
// `node scripts/generate.js --check`: exits 1 and names the files that are stale.
const fs = require('node:fs');
const path = require('node:path');
const { generateTypes } = require('./generate-types');
const { generateValidators } = require('./generate-validators');

const root = path.join(__dirname, '..');

async function generateAll() {
	const files = new Map();
	files.set('src/generated/types.ts', await generateTypes());
	const v = generateValidators();
	files.set('src/generated/validators.cjs', v.js);
	files.set('src/generated/validators.d.cts', v.dts);
	let forms = {};
	try {
		forms = require('./generate-forms').generateForms();
	} catch (error) {
		if (error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('generate-forms')) throw error;
	}
	for (const [name, content] of Object.entries(forms)) files.set(name, content);
	for (const [name, content] of Object.entries(require('./generate-workflows').generateWorkflows())) files.set(name, content);
	return files;
}

function staleFiles(files) {
	return [...files].filter(([rel, content]) => {
		const abs = path.join(root, rel);
		return !fs.existsSync(abs) || fs.readFileSync(abs, 'utf8') !== content;
	}).map(([rel]) => rel);
}

async function main() {
	const files = await generateAll();
	if (process.argv.includes('--check')) {
		const stale = staleFiles(files);
		if (stale.length) {
			console.error(`Veraltete generierte Dateien (npm run generate ausführen):\n  ${stale.join('\n  ')}`);
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

module.exports = { generateAll, staleFiles };
if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });
