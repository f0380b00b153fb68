import fc from 'fast-check';
import { fixedClock } from '../../src/clock';
import { createCore, type Core } from '../../src/core';
import { DomainError } from '../../src/errors';
import { loadShippedProfile } from '../../src/districts/profile';
import { isLegalTransition } from '../../src/lifecycle/case-status';
import { addDays } from '../../src/lifecycle/dates';
import type { CaseStatus } from '../../src/store/database';
import { backends, freshStore, type BackendName } from '../helpers/stores';
import { actorFor, validClosure, validContact, validIntake, validPlan } from '../helpers/fixtures';

/** Random operation sequences against the real store; afterwards the invariants must hold. */
type Op =
	| { kind: 'create'; actor: number; submission: number | null; town: number }
	| { kind: 'contact'; actor: number; caseIndex: number; day: number }
	| { kind: 'plan'; actor: number; caseIndex: number; day: number; continue: boolean }
	| { kind: 'referral'; actor: number; caseIndex: number; day: number }
	| {
			kind: 'referralStatus';
			actor: number;
			referralIndex: number;
			status: 'accepted' | 'declined' | 'done';
			day: number;
	  }
	| { kind: 'update'; actor: number; caseIndex: number; stale: boolean }
	| { kind: 'close'; actor: number; caseIndex: number; day: number; withReason: boolean }
	| { kind: 'reopen'; actor: number; caseIndex: number; day: number }
	| { kind: 'read'; actor: number; caseIndex: number };

const idx = fc.nat({ max: 7 });
const day = fc.nat({ max: 450 });
const actor = fc.nat({ max: 4 });
const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({
		kind: fc.constant('create' as const),
		actor,
		submission: fc.option(fc.nat({ max: 3 })),
		town: fc.nat({ max: 23 }),
	}),
	fc.record({ kind: fc.constant('contact' as const), actor, caseIndex: idx, day }),
	fc.record({
		kind: fc.constant('plan' as const),
		actor,
		caseIndex: idx,
		day,
		continue: fc.boolean(),
	}),
	fc.record({ kind: fc.constant('referral' as const), actor, caseIndex: idx, day }),
	fc.record({
		kind: fc.constant('referralStatus' as const),
		actor,
		referralIndex: idx,
		status: fc.constantFrom('accepted' as const, 'declined' as const, 'done' as const),
		day,
	}),
	fc.record({ kind: fc.constant('update' as const), actor, caseIndex: idx, stale: fc.boolean() }),
	fc.record({
		kind: fc.constant('close' as const),
		actor,
		caseIndex: idx,
		day,
		withReason: fc.boolean(),
	}),
	fc.record({ kind: fc.constant('reopen' as const), actor, caseIndex: idx, day }),
	fc.record({ kind: fc.constant('read' as const), actor, caseIndex: idx }),
);

const profile = loadShippedProfile('emmendingen');
// Two managers of different organisations, the coordinator, the admin and someone not in the profile.
const actors = [
	actorFor(profile, 'em-caritas-01'),
	actorFor(profile, 'em-drk-01'),
	actorFor(profile, 'em-koordination'),
	actorFor(profile, 'em-admin'),
	{ staffId: 'fremd', role: 'manager', organisationId: 'caritas-em' },
];
const dateOf = (d: number) => addDays('2025-03-03', d);

type Who = (typeof actors)[number];
type OpOf<K extends Op['kind']> = Extract<Op, { kind: K }>;
/** The ids the sequence has created so far; operations pick their case or referral among them. */
interface Created {
	caseIds: string[];
	referralIds: string[];
}
type Step<K extends Op['kind']> = (
	core: Core,
	who: Who,
	o: OpOf<K>,
	made: Created,
) => Promise<unknown>;

const pick = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : 'kein-fall');

/** What the current version of a case is, read without the core (a read through it would be audited). */
async function currentVersion(core: Core, id: string) {
	const row = await core.context.store.db
		.selectFrom('cases')
		.select('version')
		.where('id', '=', id)
		.executeTakeFirst();
	return Number(row?.version ?? 1);
}

/** One core call per kind of operation. */
const steps: { [K in Op['kind']]: Step<K> } = {
	async create(core, who, o, made) {
		const town = profile.municipalities[o.town];
		const created = await core.createCase(
			who,
			{
				intake: validIntake({
					municipality: town.ags,
					consent: { ...validIntake().consent, recordedBy: who.staffId },
				}),
			},
			o.submission === null ? {} : { submissionId: `s-${o.submission}` },
		);
		if (!made.caseIds.includes(created.case.id)) made.caseIds.push(created.case.id);
	},
	contact: (core, who, o, made) =>
		core.logContact(who, pick(made.caseIds, o.caseIndex), validContact(dateOf(o.day))),
	plan(core, who, o, made) {
		const write = o.continue ? core.continuePlan : core.createPlan;
		return write(
			who,
			pick(made.caseIds, o.caseIndex),
			validPlan(dateOf(o.day), dateOf(o.day + 180)),
		);
	},
	async referral(core, who, o, made) {
		made.referralIds.push(
			(
				await core.createReferral(who, pick(made.caseIds, o.caseIndex), {
					date: dateOf(o.day),
					serviceId: 'mbe',
					reason: 'Beratung',
				})
			).id,
		);
	},
	referralStatus: (core, who, o, made) =>
		core.setReferralStatus(who, pick(made.referralIds, o.referralIndex), {
			status: o.status,
			date: dateOf(o.day),
		}),
	async update(core, who, o, made) {
		const id = pick(made.caseIds, o.caseIndex);
		const version = (await currentVersion(core, id)) - (o.stale ? 1 : 0);
		await core.updateCase(who, id, { accommodation: 'own_tenancy' }, { expectedVersion: version });
	},
	close(core, who, o, made) {
		const closure: Record<string, unknown> = { ...validClosure(dateOf(o.day)) };
		if (!o.withReason) delete closure.reason;
		return core.closeCase(who, pick(made.caseIds, o.caseIndex), closure);
	},
	reopen: (core, who, o, made) =>
		core.reopenCase(who, pick(made.caseIds, o.caseIndex), {
			date: dateOf(o.day),
			reason: 'neuer Bedarf',
		}),
	read: (core, who, o, made) => core.getCase(who, pick(made.caseIds, o.caseIndex)),
};

async function run(core: Core, ops: Op[]): Promise<number> {
	const made: Created = { caseIds: [], referralIds: [] };
	let executed = 0;
	for (const o of ops) {
		executed++;
		try {
			// The step of this operation's kind; `o` is of that kind, which the index cannot tell TypeScript.
			await steps[o.kind](core, actors[o.actor], o as never, made);
		} catch (error) {
			// Refusals are expected; anything else is a bug.
			if (!(error instanceof DomainError)) throw error;
		}
	}
	return executed;
}

type Db = Core['context']['store']['db'];

/** Every row that belongs to a case, contact or referral points to one that exists. */
async function expectNoOrphanRows(db: Db) {
	const caseIds = new Set((await db.selectFrom('cases').select('id').execute()).map((c) => c.id));
	for (const table of [
		'case_persons',
		'plans',
		'contacts',
		'referrals',
		'closures',
		'status_history',
		'case_events',
	] as const) {
		const rows = await db.selectFrom(table).select('case_id').execute();
		for (const r of rows) expect(caseIds.has(r.case_id)).toBe(true);
	}
	const contactIds = new Set(
		(await db.selectFrom('contacts').select('id').execute()).map((c) => c.id),
	);
	for (const r of await db.selectFrom('contact_topics').select('contact_id').execute())
		expect(contactIds.has(r.contact_id)).toBe(true);
	const referralIds = new Set(
		(await db.selectFrom('referrals').select('id').execute()).map((r) => r.id),
	);
	for (const r of await db.selectFrom('referral_events').select('referral_id').execute())
		expect(referralIds.has(r.referral_id)).toBe(true);
}

const auditRows = (db: Db) => db.selectFrom('audit_log').selectAll().execute();
type AuditRow = Awaited<ReturnType<typeof auditRows>>[number];

/** Each case's history is a chain of legal transitions ending in its status; its version counts its writes. */
async function expectHistoriesAndVersions(db: Db, audit: AuditRow[]) {
	const cases = await db.selectFrom('cases').selectAll().execute();
	const history = await db.selectFrom('status_history').selectAll().orderBy('id').execute();
	for (const c of cases) {
		let current: CaseStatus | null = null;
		for (const h of history.filter((x) => x.case_id === c.id)) {
			expect(h.from_status).toBe(current);
			expect(isLegalTransition(current, h.to_status)).toBe(true);
			current = h.to_status;
		}
		expect(current).toBe(c.status);
		expect(c.status === 'closed').toBe(c.closed_on !== null);
		// Every successful write to a case raised its version by one; nothing else did.
		const writes = audit.filter(
			(a) =>
				a.case_id === c.id &&
				a.outcome === 'ok' &&
				!['case.read', 'plan.read', 'contact.list', 'referral.list'].includes(a.action),
		);
		expect(Number(c.version)).toBe(writes.length);
	}
}

/** Runs the operations on a fresh store and checks the invariants afterwards. */
async function runAndCheck(backend: BackendName, ops: Op[]) {
	const t = await freshStore(backend);
	try {
		const core = createCore({
			store: t.store,
			profile,
			clock: fixedClock('2026-06-01T08:00:00Z'),
		});
		const executed = await run(core, ops);
		const db = t.store.db;

		const audit = await auditRows(db);
		expect(audit).toHaveLength(executed);
		await expectNoOrphanRows(db);
		await expectHistoriesAndVersions(db, audit);
	} finally {
		await t.dispose();
	}
}

describe.each(backends)('store invariants under random operation sequences on %s', (backend) => {
	it('no orphan rows, only legal status transitions, one audit row per operation, versions count writes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) =>
				runAndCheck(backend, ops),
			),
			{ numRuns: backend === 'SQLite' ? 40 : 20 },
		);
	}, 180_000);
});
