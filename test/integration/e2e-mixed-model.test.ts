/**
 * End-to-end: Ortenaukreis (mixed model) on a real n8n 2.x, one n8n process for the suite (see
 * e2e-central-model.test.ts and docs/runtime.md): an intake from a self-managed municipality is answered with a
 * notice and stores no case; a case of a municipality the district serves runs from intake to closure.
 */
import { intakeFor } from '../helpers/e2e/district-e2e';
import { districtSuite } from '../helpers/e2e/district-suite';

describe('e2e Ortenaukreis (mixed model) on a real n8n', () => {
	const og = districtSuite('ortenaukreis');

	it('answers an intake from a self-managed municipality with a notice instead of a case', async () => {
		const achern = og.profile.municipalities.find((m) => m.name === 'Achern, Stadt')!;
		expect(achern.programme).toBe('self_managed');
		const answer = await og.run.form(
			'aufnahme',
			og.coordinator(),
			intakeFor(achern.ags, 'og-koordination'),
			{ submissionId: 'og-achern' },
		);
		expect(answer).toMatchObject({
			ok: false,
			code: 'NOT_IN_PROGRAMME',
			message: expect.stringContaining(achern.responsibleNote!),
		});
		expect(answer.message).toMatch(
			/^Achern, Stadt nimmt nicht am Integrationsmanagement von „Ortenaukreis“ teil\./,
		);
		const cases = await og.run.store.db
			.selectFrom('cases')
			.select('id')
			.where('municipality_ags', '=', achern.ags)
			.execute();
		expect(cases).toEqual([]);
	});

	it('runs a case of a municipality the district serves from intake to closure', async () => {
		await og.expectAllPublished();
		await og.lifecycle(og.served().ags);
	});
});
