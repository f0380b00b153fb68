import { randomUUID } from 'node:crypto';
import type { Contact } from '../generated/types';
import { assertCaseAccess } from '../access/policy';
import { assertIsoDate } from '../lifecycle/date-checks';
import { validateInput } from '../validation/validate';
import { loadCase, recordEvent, touchCase, type CaseRow } from './case-rows';
import type { CoreContext, Db } from './context';
import { caseWrite } from './case-write';
import { caseForDocumenting } from './documenting';
import { caseNumberOf } from './case-numbers';
import { runOperation } from './operation';

export interface ContactRecord extends Contact {
	id: string;
	caseId: string;
	/** The case's readable number (`EM-2026-00042`). */
	caseNumber: string;
	createdAt: string;
	createdBy: string;
}

const contactGuard = { what: 'Ein Beratungskontakt', dateField: 'date', dateLabel: 'Datum' };

/** Documents one counselling contact (must take seconds: one small form). */
export const logContact = caseWrite<ContactRecord>('contact.log', async (write) => {
	const { ctx, trx, who, input } = write;
	const contact = validateInput('contact', input);
	const row = await caseForDocumenting(write, contactGuard, contact.date);
	const at = ctx.clock.now().toISOString();
	const id = randomUUID();
	await trx
		.insertInto('contacts')
		.values({
			id,
			case_id: row.id,
			contact_date: contact.date,
			channel: contact.channel,
			minutes: contact.minutes,
			note: contact.note ?? null,
			created_at: at,
			created_by: who.staffId,
		})
		.execute();
	await trx
		.insertInto('contact_topics')
		.values(contact.topics.map((topic) => ({ contact_id: id, topic })))
		.execute();
	await touchCase(trx, row, {}, at);
	await recordEvent(
		trx,
		row.id,
		'contact.logged',
		{ contactId: id, date: contact.date, channel: contact.channel },
		at,
	);
	return {
		result: {
			id,
			caseId: row.id,
			caseNumber: caseNumberOf(ctx.profile, row),
			...contact,
			createdAt: at,
			createdBy: who.staffId,
		},
		detail: contact.date,
	};
});

/** Contacts of a case, newest first, optionally within a date range. */
export function listContacts(
	ctx: CoreContext,
	actor: unknown,
	caseId: string,
	range: { from?: string; to?: string } = {},
): Promise<ContactRecord[]> {
	return runOperation(ctx, actor, { action: 'contact.list', caseId }, async (trx, who, id) => {
		const row = await loadCase(ctx, trx, id);
		assertCaseAccess(who, 'read', row);
		if (range.from !== undefined) assertIsoDate(range.from, 'from', 'Zeitraum – von');
		if (range.to !== undefined) assertIsoDate(range.to, 'to', 'Zeitraum – bis');
		const result = await readContacts(ctx, trx, row, range);
		return { result, detail: `${result.length} Kontakte` };
	});
}

/** The contacts of one case, newest first, with their topics (also for the case page). */
export async function readContacts(
	ctx: CoreContext,
	trx: Db,
	row: CaseRow,
	range: { from?: string; to?: string } = {},
): Promise<ContactRecord[]> {
	let query = trx.selectFrom('contacts').selectAll().where('case_id', '=', row.id);
	if (range.from) query = query.where('contact_date', '>=', range.from);
	if (range.to) query = query.where('contact_date', '<=', range.to);
	const contacts = await query
		.orderBy('contact_date', 'desc')
		.orderBy('created_at', 'desc')
		.execute();
	const topics = contacts.length
		? await trx
				.selectFrom('contact_topics')
				.selectAll()
				.where(
					'contact_id',
					'in',
					contacts.map((c) => c.id),
				)
				.execute()
		: [];
	return contacts.map((c) => ({
		id: c.id,
		caseId: c.case_id,
		caseNumber: caseNumberOf(ctx.profile, row),
		date: c.contact_date,
		channel: c.channel as Contact['channel'],
		minutes: Number(c.minutes),
		topics: topics.filter((t) => t.contact_id === c.id).map((t) => t.topic) as Contact['topics'],
		...(c.note ? { note: c.note } : {}),
		createdAt: c.created_at,
		createdBy: c.created_by,
	}));
}
