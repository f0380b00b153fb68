import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateForms } from '../../scripts/generate-forms';

describe('committed forms', () => {
	it('equal what the generator produces', () => {
		const root = path.join(__dirname, '..', '..');
		const files = generateForms();
		expect(Object.keys(files).sort()).toEqual([
			'forms/caseFileChange.json',
			'forms/closure.json',
			'forms/contact.json',
			'forms/intake.json',
			'forms/plan.json',
			'forms/reassign.json',
			'forms/referral.json',
			'forms/referralFeedback.json',
			'forms/reopen.json',
		]);
		for (const [rel, content] of Object.entries(files))
			expect(fs.readFileSync(path.join(root, rel), 'utf8')).toBe(content);
	});
});
