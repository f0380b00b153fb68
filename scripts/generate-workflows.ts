// Workflow templates per district: one template source per workflow (scripts/workflows/) + the shipped district
// profile (districts/<id>.json) → workflows/<district>/<nn>-<name>.json (committed, checked for staleness by
// `npm run generate -- --check`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DistrictProfile } from '../src/generated/types';
import {
	closureForm,
	contactForm,
	planForm,
	referralForm,
	reminders,
} from './workflows/case-templates';
import type { Flow } from './workflows/flow';
import { DISTRICTS } from './workflows/identifiers';
import { intakeForm } from './workflows/intake-template';
import { workplace } from './workflows/workplace-template';

const root = path.join(__dirname, '..');

const TEMPLATES: [string, (profile: DistrictProfile) => Flow][] = [
	['01', intakeForm],
	['02', planForm],
	['03', contactForm],
	['04', referralForm],
	['05', closureForm],
	['06', reminders],
	['07', workplace],
];

function loadProfile(id: string): DistrictProfile {
	return JSON.parse(
		fs.readFileSync(path.join(root, 'districts', `${id}.json`), 'utf8'),
	) as DistrictProfile;
}

/** `{ 'workflows/<district>/<nn>-<name>.json': content }` for every shipped district. */
export function generateWorkflows(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const district of DISTRICTS) {
		const profile = loadProfile(district);
		for (const [nn, template] of TEMPLATES) {
			const flow = template(profile);
			files[`workflows/${district}/${nn}-${flow.name}.json`] =
				`${JSON.stringify(flow.toJSON(), null, '\t')}\n`;
		}
	}
	return files;
}
