'use strict';
// Copies everything the TypeScript compiler does not emit into dist/: node and credential icons,
// the JSON Schemas, generated validators (.cjs), Form.io forms, page templates, workflow templates
// and district profiles. Runs after `tsc` in `npm run build`.
const { src, dest, parallel } = require('gulp');

const assets = [
	['nodes/**/*.{svg,png,json,hbs}', 'dist/nodes'],
	['credentials/**/*.{svg,png}', 'dist/credentials'],
	['src/**/*.{cjs,d.cts,hbs,json,css}', 'dist/src'],
	// The form page's own browser script (plain JavaScript, not compiled): src/forms/assets/case-form.js.
	['src/forms/assets/*.js', 'dist/src/forms/assets'],
	['schemas/*.json', 'dist/schemas'],
	['forms/**/*.json', 'dist/forms'],
	['workflows/**/*.json', 'dist/workflows'],
	['districts/*.json', 'dist/districts'],
	['reports/**/*.{json,hbs}', 'dist/reports'],
];

const tasks = assets.map(([glob, target]) => {
	const task = () => src(glob, { allowEmpty: true, encoding: false }).pipe(dest(target));
	task.displayName = `copy ${glob}`;
	return task;
});

exports.build = parallel(...tasks);
exports.default = exports.build;
