/**
 * End-to-end: Landkreis Ludwigsburg (provider network) on a real n8n 2.x, one n8n process for the suite (see
 * e2e-central-model.test.ts and docs/runtime.md): an intake goes to the provider of its municipality (the Switch
 * "An Träger weiterleiten" in n8n's execution data), a manager of another provider is refused, and a self-managed
 * town gets a notice.
 */
import { caseColumns, intakeFor } from '../helpers/e2e/district-e2e';
import { districtSuite } from '../helpers/e2e/district-suite';
import { providerBranches } from '../helpers/e2e/n8n-executions';
import { waitFor } from '../helpers/wait';

describe('e2e Ludwigsburg (provider network) on a real n8n', () => {
	const lb = districtSuite('ludwigsburg');

	it('routes an intake to the provider of its municipality and names it in the answer', async () => {
		await lb.expectAllPublished();
		const caritasTown = lb.served('caritas-lb');
		const { caseId, manager } = await lb.lifecycle(caritasTown.ags);
		expect(manager.organisationId).toBe('caritas-lb');
		const row = await caseColumns(lb.run, caseId, ['organisation_id', 'manager_id']);
		expect(row.organisation_id).toBe('caritas-lb');
		// The answer of the intake names the provider (checked on a second intake in a DRK municipality).
		const drkTown = lb.served('drk-lb');
		const answer = await lb.run.form(
			'aufnahme',
			lb.coordinator(),
			intakeFor(drkTown.ags, 'lb-koordination'),
			{ submissionId: 'lb-drk' },
		);
		expect(answer.ok).toBe(true);
		expect(answer.message).toContain(lb.profile.organisations.find((o) => o.id === 'drk-lb')!.name);
		const drkCase = await caseColumns(lb.run, answer.caseId!, ['organisation_id']);
		expect(drkCase.organisation_id).toBe('drk-lb');
		// In n8n, the Switch "An Träger weiterleiten" sent each intake down its provider's branch (executions are saved just after the answer).
		const intakeWorkflow = lb.run.instance.workflows.find((w) => w.name.endsWith(': Aufnahme'))!;
		const seen = await waitFor(
			async () => {
				const found = await providerBranches(lb.run, intakeWorkflow.id);
				return found.includes('Träger informieren: DRK-Kreisverband Ludwigsburg')
					? found
					: undefined;
			},
			'n8n hat die Ausführung des DRK-Zweigs gespeichert',
			{ intervalMs: 250 },
		);
		expect(new Set(seen)).toEqual(
			new Set([
				'Träger informieren: Caritas Ludwigsburg-Waiblingen-Enz',
				'Träger informieren: DRK-Kreisverband Ludwigsburg',
			]),
		);
	});

	it('refuses an intake by a manager of another provider than the municipality’s', async () => {
		const awoManager = lb.actor(
			lb.profile.staff.find((s) => s.role === 'manager' && s.organisationId === 'awo-lb')!.id,
		);
		const answer = await lb.run.form(
			'aufnahme',
			awoManager,
			intakeFor(lb.served('kdv-lb').ags, awoManager.staffId),
			{ submissionId: 'lb-awo-wrong' },
		);
		expect(answer).toMatchObject({
			ok: false,
			code: 'FORBIDDEN',
			message: expect.stringContaining('nicht zum zuständigen Träger'),
		});
	});

	it('answers a self-managed town with a notice', async () => {
		const town = lb.profile.municipalities.find((m) => m.programme !== 'served')!;
		const answer = await lb.run.form(
			'aufnahme',
			lb.coordinator(),
			intakeFor(town.ags, 'lb-koordination'),
		);
		expect(answer).toMatchObject({
			ok: false,
			code: 'NOT_IN_PROGRAMME',
			message: expect.stringContaining(town.responsibleNote ?? 'nimmt nicht'),
		});
	});
});
