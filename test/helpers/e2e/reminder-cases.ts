// The cases the daily reminders (Tägliche Erinnerungen) of a district's n8n have to find, and what the reminder
// workflow's polling trigger left in the case store.
import type { DistrictProfile } from '../../../src/generated/types';
import { caseColumns, intakeFor, isoDaysAgo, planData, type RunningDistrict } from './district-e2e';
import { actorOf, coordinator, served } from './profile-picks';

/**
 * Two cases in a DRK town: a fresh one with a plan review due in 3 days and a referral made 60 days ago, and one of
 * 1050 days with its plan (the 3-year limit approaches). Returns the old case and the referral.
 */
export async function reminderCases(r: RunningDistrict, profile: DistrictProfile) {
	const c = coordinator(profile);
	const town = served(profile, 'drk-em').ags;
	const fresh = await r.form('aufnahme', c, intakeFor(town, c.staffId, isoDaysAgo(100)), {
		submissionId: 'em-reminder-1',
	});
	const old = await r.form(
		'aufnahme',
		c,
		{
			...intakeFor(town, c.staffId, isoDaysAgo(1050)),
			person: { ...intakeFor(town, c.staffId).person, lastName: 'Langzeit' },
		},
		{ submissionId: 'em-reminder-2' },
	);
	expect([fresh.ok, old.ok]).toEqual([true, true]);
	const managerOf = async (caseId: string) =>
		actorOf(profile, (await caseColumns(r, caseId, ['manager_id'])).manager_id);
	const manager = await managerOf(fresh.caseId!);
	expect(
		await r.form(
			'integrationsplan',
			manager,
			{ ...planData(), reviewDate: isoDaysAgo(-3) },
			{ caseId: fresh.caseId, submissionId: 'em-reminder-plan' },
		),
	).toMatchObject({ ok: true });
	expect(
		await r.form(
			'weitervermittlung',
			manager,
			{ date: isoDaysAgo(60), serviceId: 'psz', reason: 'Belastung nach der Flucht' },
			{ caseId: fresh.caseId, submissionId: 'em-reminder-ref' },
		),
	).toMatchObject({ ok: true });
	const [referral] = await r.store.db
		.selectFrom('referrals')
		.select('id')
		.where('case_id', '=', fresh.caseId!)
		.execute();
	expect(
		await r.form('integrationsplan', await managerOf(old.caseId!), planData(isoDaysAgo(1000)), {
			caseId: old.caseId,
			submissionId: 'em-reminder-oldplan',
		}),
	).toMatchObject({ ok: true });
	return { oldCaseId: old.caseId!, referralId: referral.id };
}

/** The event keys the workflow's trigger emitted, sorted. */
export const emittedKeys = async (r: RunningDistrict, workflowId: string) =>
	(
		await r.store.db
			.selectFrom('trigger_emissions')
			.select('event_key')
			.where('trigger_id', 'like', `${workflowId}:%`)
			.execute()
	)
		.map((e) => e.event_key)
		.sort();

/** Every poll of the trigger leaves one audit row ("<workflow>:<node>: n neue Ereignisse"). */
export const pollCount = async (r: RunningDistrict, workflowId: string) =>
	Number(
		(
			await r.store.db
				.selectFrom('audit_log')
				.select((eb) => eb.fn.countAll<string | number>().as('n'))
				.where('action', '=', 'events.poll')
				.where('detail', 'like', `${workflowId}:%`)
				.executeTakeFirstOrThrow()
		).n,
	);
