'use strict';
// The JSON Schemas (draft-07) in schemas/ are the one source of truth.
// This module lists them and names the TypeScript type and validator each one produces.
const fs = require('node:fs');
const path = require('node:path');

const schemaDir = path.join(__dirname, '..', 'schemas');

/** Schemas that are validated on their own (a validator is exported for each). */
const rootSchemas = {
	intake: 'intake.schema.json',
	plan: 'plan.schema.json',
	contact: 'contact.schema.json',
	referral: 'referral.schema.json',
	referralStatus: 'referral-status.schema.json',
	closure: 'closure.schema.json',
	reopen: 'reopen.schema.json',
	caseUpdate: 'case-update.schema.json',
	actor: 'actor.schema.json',
	districtProfile: 'district-profile.schema.json',
	reportDefinition: 'report-definition.schema.json',
};

function loadSchemas() {
	return fs
		.readdirSync(schemaDir)
		.filter((f) => f.endsWith('.schema.json'))
		.sort()
		.map((file) => JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')));
}

module.exports = { schemaDir, rootSchemas, loadSchemas };
