#!/usr/bin/env node
'use strict';
// Server-side validation of one intake, measured in one run on the same machine:
//   ajv      — the generated standalone validator (src/generated/validators.cjs), what the Case Form Trigger's POST runs,
//   ajv+norm — the same after our normaliser turned Form.io's shapes into the schema's (the whole check before the core),
//   formio   — @formio/core processSync with all processors on the committed form definition (forms/intake.json).
// Runs on the built package (`npm run bench:forms` builds first). Not a test: prints times and ratios.
//   node bench/form-validation.bench.js [iterations]
const os = require('node:os');
const path = require('node:path');
const { processSync, Processors, Evaluator } = require('@formio/core');

const dist = path.join(__dirname, '..', 'dist', 'src');
const validators = require(path.join(dist, 'generated', 'validators.cjs'));
const { normaliseSubmission } = require(path.join(dist, 'forms', 'normalise.js'));
const { loadForm } = require(path.join(dist, 'forms', 'form-definitions.js'));
const { fillProfileOptions } = require(path.join(dist, 'forms', 'profile-options.js'));
const { loadShippedProfile } = require(path.join(dist, 'districts', 'profile.js'));

Evaluator.noeval = true;
const N = Number(process.argv[2] || 3000);

const form = loadForm('intake');
fillProfileOptions(form.components, loadShippedProfile('emmendingen'), 'em-caritas-01');

/** The intake as the page posts it (Form.io shapes: date-times, select boxes, blank strings). */
const formioData = require('./formio-intake.json');
const schemaData = normaliseSubmission(form['x-source'], formioData).data;

function formio(data) {
	const submission = { data: structuredClone(data) }; // processSync changes the data it checks
	const context = {
		form,
		submission,
		data: submission.data,
		components: form.components,
		processors: Processors,
		scope: { errors: [] },
		config: { server: true },
	};
	processSync(context);
	return context.scope.errors.length;
}
const ajv = (data) => (validators.intake(data) ? 0 : validators.intake.errors.length);
const ajvNormalised = (data) => ajv(normaliseSubmission(form['x-source'], data).data);

function time(label, fn, data, iterations) {
	for (let i = 0; i < Math.min(iterations, 500); i++) fn(data); // warm-up
	globalThis.gc?.();
	const start = process.hrtime.bigint();
	let errors = 0;
	for (let i = 0; i < iterations; i++) errors = fn(data);
	const perRun = Number(process.hrtime.bigint() - start) / 1e3 / iterations; // µs
	console.log(
		`${label.padEnd(40)} ${perRun.toFixed(2).padStart(10)} µs   (${iterations} runs, ${errors} errors)`,
	);
	return perRun;
}

const cpus = os.cpus();
console.log(
	`Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, load ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`,
);
const formioCoreVersion = JSON.parse(
	require('node:fs').readFileSync(
		path.join(__dirname, '..', 'node_modules', '@formio', 'core', 'package.json'),
		'utf8',
	),
).version;
console.log(
	`@formio/core ${formioCoreVersion}, ajv standalone code; intake with 3 household members\n`,
);
if (formio(formioData) !== 0 || ajv(schemaData) !== 0)
	throw new Error('Die Vergleichsdaten müssen für beide Prüfungen gültig sein.');

const ajvOnly = time('ajv (schema-shaped data)', ajv, schemaData, N * 100);
const ajvWithNormaliser = time(
	'normaliser + ajv (Form.io-shaped data)',
	ajvNormalised,
	formioData,
	N * 20,
);
const processSyncTime = time('@formio/core processSync (Processors)', formio, formioData, N);

const invalid = structuredClone(formioData);
invalid.person.firstName = '';
invalid.household[1].relationship = '';
invalid.consent.given = false;
console.log('\ninvalid intake (3 errors):');
const ajvInvalid = time('ajv', ajv, normaliseSubmission(form['x-source'], invalid).data, N * 100);
const formioInvalid = time('@formio/core processSync', formio, invalid, N);

console.log(`\nprocessSync / ajv:                    ${(processSyncTime / ajvOnly).toFixed(0)}×`);
console.log(
	`processSync / (normaliser + ajv):     ${(processSyncTime / ajvWithNormaliser).toFixed(0)}×`,
);
console.log(`invalid data, processSync / ajv:      ${(formioInvalid / ajvInvalid).toFixed(0)}×`);
