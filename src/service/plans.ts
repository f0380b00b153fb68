import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors';
import type { IntegrationPlan, Intake, Person } from '../generated/types';
import { assertCaseAccess } from '../access/policy';
import { assertTransition } from '../lifecycle/case-status';
import { assertNotBefore } from '../lifecycle/date-checks';
import { checkPlanDates } from '../lifecycle/plausible-dates';
import { today } from '../clock';
import { validateInput } from '../validation/validate';
import { loadCase, recordEvent, recordStatus, touchCase, type CaseRow } from './case-rows';
import type { CoreContext, Tx } from './context';
import { caseWrite } from './case-write';
import { caseNumberOf } from './case-numbers';
import { caseForDocumenting } from './documenting';
import { runOperation } from './operation';

export interface PlanRecord {
	id: string;
	caseId: string;
	/** The case's readable number (`EM-2026-00042`). */
	caseNumber: string;
	version: number;
	kind: 'created' | 'continued';
	planDate: string;
	reviewDate: string;
	plan: IntegrationPlan;
	createdAt: string;
	createdBy: string;
}

async function planVersions(trx: Tx, caseId: string) {
	return trx
		.selectFrom('plans')
		.selectAll()
		.where('case_id', '=', caseId)
		.orderBy('version')
		.execute();
}

function toPlanRecord(
	row: Awaited<ReturnType<typeof planVersions>>[number],
	caseNumber: string,
): PlanRecord {
	return {
		id: row.id,
		caseId: row.case_id,
		caseNumber,
		version: Number(row.version),
		kind: row.kind,
		planDate: row.plan_date,
		reviewDate: row.review_date,
		plan: JSON.parse(row.data_json) as IntegrationPlan,
		createdAt: row.created_at,
		createdBy: row.created_by,
	};
}

/** `create` and `continue` insist on their step; `save` creates the first plan or continues the existing one. */
type PlanWrite = 'create' | 'continue' | 'save';
type PlanRow = Awaited<ReturnType<typeof planVersions>>[number];

/** The step the write may take, given the latest version (if any). */
function assertPlanStep(mode: PlanWrite, plan: IntegrationPlan, latest: PlanRow | undefined): void {
	assertNotBefore(
		plan.reviewDate,
		plan.planDate,
		'reviewDate',
		'Nächste Überprüfung',
		'dem Datum des Plans',
	);
	if (mode === 'create' && latest) {
		throw new DomainError(
			'ILLEGAL_TRANSITION',
			'Für diesen Fall gibt es bereits einen Integrationsplan. Bitte den bestehenden Plan fortschreiben.',
			{ details: { currentVersion: Number(latest.version) } },
		);
	}
	if (mode === 'continue' && !latest) {
		throw new DomainError(
			'ILLEGAL_TRANSITION',
			'Es gibt noch keinen Integrationsplan, der fortgeschrieben werden kann. Bitte zuerst einen Plan erstellen.',
		);
	}
	if (latest)
		assertNotBefore(
			plan.planDate,
			latest.plan_date,
			'planDate',
			'Datum des Plans',
			'der vorigen Fassung',
		);
}

/** Stores the next version; the first plan starts the counselling proper (Aufnahme → in Beratung). */
async function storePlanVersion(
	ctx: CoreContext,
	trx: Tx,
	row: CaseRow,
	plan: IntegrationPlan,
	latest: PlanRow | undefined,
	by: string,
): Promise<PlanRecord> {
	const at = ctx.clock.now().toISOString();
	const version = latest ? Number(latest.version) + 1 : 1;
	const kind = latest ? 'continued' : 'created';
	const id = randomUUID();
	const values = {
		id,
		case_id: row.id,
		version,
		kind,
		plan_date: plan.planDate,
		review_date: plan.reviewDate,
	} as const;
	await trx
		.insertInto('plans')
		.values({ ...values, data_json: JSON.stringify(plan), created_at: at, created_by: by })
		.execute();
	if (row.status === 'intake') {
		assertTransition('intake', 'active');
		await recordStatus(trx, row.id, 'intake', 'active', plan.planDate, at, by);
	}
	await touchCase(trx, row, row.status === 'intake' ? { status: 'active' } : {}, at);
	await recordEvent(trx, row.id, `plan.${kind}`, { version, reviewDate: plan.reviewDate }, at);
	const [created] = (await planVersions(trx, row.id)).filter((p) => p.id === id);
	return toPlanRecord(created, caseNumberOf(ctx.profile, row));
}

const planGuard = {
	what: 'Ein Integrationsplan',
	dateField: 'planDate',
	dateLabel: 'Datum des Plans',
};

function writePlan(mode: PlanWrite) {
	return caseWrite<PlanRecord>(`plan.${mode}`, async (write) => {
		const { ctx, trx, who, input } = write;
		const plan = validateInput('plan', input);
		const row = await caseForDocumenting(write, planGuard, plan.planDate);
		checkPlanDates(plan, today(ctx.clock));
		const latest = (await planVersions(trx, row.id)).at(-1);
		assertPlanStep(mode, plan, latest);
		const stored = await storePlanVersion(ctx, trx, row, plan, latest, who.staffId);
		return { result: stored, detail: `Fassung ${stored.version}` };
	});
}

/** Creates the integration plan (version 1); the case becomes active. */
export const createPlan = writePlan('create');
/** Continues (fortschreiben) the plan as a new version; every earlier version stays readable. */
export const continuePlan = writePlan('continue');
/** Creates the first plan or continues the existing one, decided inside the transaction (the form's one call). */
export const savePlan = writePlan('save');

export interface PlanView {
	current: PlanRecord;
	versions: {
		version: number;
		kind: 'created' | 'continued';
		planDate: string;
		reviewDate: string;
		createdBy: string;
		createdAt: string;
	}[];
}

/** The latest plan (or a given version) with the list of all versions; null when the case has no plan yet. */
export async function readPlanView(
	ctx: CoreContext,
	trx: Tx,
	row: CaseRow,
	version?: number,
): Promise<PlanView | null> {
	const all = await planVersions(trx, row.id);
	if (all.length === 0) return null;
	const chosen =
		version === undefined ? all[all.length - 1] : all.find((p) => Number(p.version) === version);
	if (!chosen)
		throw new DomainError(
			'NOT_FOUND',
			`Den Integrationsplan in Fassung ${version} gibt es nicht (vorhanden: 1–${all.length}).`,
		);
	return {
		current: toPlanRecord(chosen, caseNumberOf(ctx.profile, row)),
		versions: all.map((p) => ({
			version: Number(p.version),
			kind: p.kind,
			planDate: p.plan_date,
			reviewDate: p.review_date,
			createdBy: p.created_by,
			createdAt: p.created_at,
		})),
	};
}

/** A plan version as a document names its client: the plan read on its own (`getPlan`). */
export interface PlanDocument extends PlanView {
	person: Pick<Person, 'firstName' | 'lastName' | 'birthDate'>;
}

/** The latest plan (or a given version) with the list of all versions and the client's name. */
export function getPlan(
	ctx: CoreContext,
	actor: unknown,
	caseId: string,
	version?: number,
): Promise<PlanDocument> {
	return runOperation(ctx, actor, { action: 'plan.read', caseId }, async (trx, who, id) => {
		const row = await loadCase(ctx, trx, id);
		assertCaseAccess(who, 'read', row);
		const view = await readPlanView(ctx, trx, row, version);
		if (!view)
			throw new DomainError('NOT_FOUND', 'Für diesen Fall gibt es noch keinen Integrationsplan.');
		const { firstName, lastName, birthDate } = (JSON.parse(row.data_json) as Intake).person;
		return {
			result: { ...view, person: { firstName, lastName, birthDate } },
			detail: `Fassung ${view.current.version}`,
		};
	});
}
