import { sql } from 'kysely';
import { DomainError } from '../errors';
import type { CoreContext, Tx } from './context';
import { caseNumberPrefix, formatCaseNumber, readCaseRef } from './case-numbers';

/**
 * Takes `count` numbers for cases of a district and year from the store's counter, in the caller's transaction:
 * the counter row stays locked until it commits (PostgreSQL row lock; SQLite's write transactions run one at a
 * time), and a rollback gives the numbers back. Returns the first of the numbers, which follow without gaps.
 */
export async function takeCaseNumbers(
	trx: Tx,
	districtId: string,
	year: number,
	count = 1,
): Promise<number> {
	const row = await trx
		.insertInto('case_number_counters')
		.values({ district_id: districtId, year, last_seq: count })
		.onConflict((oc) =>
			oc.columns(['district_id', 'year']).doUpdateSet({
				last_seq: sql<number>`case_number_counters.last_seq + excluded.last_seq`,
			}),
		)
		.returning('last_seq')
		.executeTakeFirstOrThrow();
	return Number(row.last_seq) - count + 1;
}

/**
 * The internal id of the case a caller named: a UUID as it is, a readable number (case-insensitive, of this
 * district's prefix) looked up in the store. Malformed or unknown numbers are refused in German; whether the
 * actor may see the case is checked afterwards, on the row, as for an id.
 */
export async function caseIdOf(ctx: CoreContext, trx: Tx, ref: string): Promise<string> {
	const read = readCaseRef(ref);
	if (read.kind === 'id') return read.id;
	const { prefix, year, seq } = read.number;
	const own = caseNumberPrefix(ctx.profile);
	const number = formatCaseNumber(prefix, year, seq);
	const row =
		prefix === own
			? await trx
					.selectFrom('cases')
					.select('id')
					.where('district_id', '=', ctx.profile.id)
					.where('case_year', '=', year)
					.where('case_seq', '=', seq)
					.executeTakeFirst()
			: undefined;
	if (!row)
		throw new DomainError('NOT_FOUND', `Fall ${number} wurde nicht gefunden.`, {
			details: { caseNumber: number },
		});
	return row.id;
}
