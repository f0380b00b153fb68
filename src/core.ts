import { systemClock, type Clock } from './clock';
import type { DistrictProfile } from './generated/types';
import type { CaseStore } from './store/open-store';
import { caseReads } from './service/case-reads';
import * as caseChanges from './service/case-changes';
import { changeCaseFile } from './service/case-file-change';
import * as createCase from './service/create-case';
import * as closure from './service/closure';
import * as contacts from './service/contacts';
import * as plans from './service/plans';
import * as referrals from './service/referrals';
import * as referralLists from './service/referral-lists';
import { runFunderReport, type RunReportOptions } from './report/run-report';
import type { CoreContext, WriteOptions } from './service/context';
import { recordRefusal } from './service/operation';
import { pollCaseEvents, type PollOptions } from './events/case-events';
import * as oidc from './auth/oidc';
import { signInApi } from './auth/sign-in';

/** A write on one case as the core's modules define it: `(ctx, actor, case id or number, input, options)`. */
type CaseWrite<R> = (
	ctx: CoreContext,
	actor: unknown,
	caseId: string,
	input: unknown,
	options?: WriteOptions,
) => Promise<R>;

/** The same write bound to one district's context, as the facade offers it. */
const onCase =
	<R>(ctx: CoreContext, write: CaseWrite<R>) =>
	(actor: unknown, caseId: string, input: unknown, o?: WriteOptions) =>
		write(ctx, actor, caseId, input, o);

/** Changes of the case file: corrections (`updateCase`), dated changes with history, reassignment. */
function caseChangesApi(ctx: CoreContext) {
	return {
		updateCase: onCase(ctx, caseChanges.updateCase),
		changeCaseFile: onCase(ctx, changeCaseFile),
		reassignCase: onCase(ctx, caseChanges.reassignCase),
	};
}

/**
 * The lifecycle core for one district: every operation takes the acting person first.
 * Nodes, forms and workflows are thin adapters over this object.
 */
export function createCore(options: { store: CaseStore; profile: DistrictProfile; clock?: Clock }) {
	const ctx: CoreContext = { ...options, clock: options.clock ?? systemClock };
	const bind = <R>(write: CaseWrite<R>) => onCase(ctx, write);
	return {
		context: ctx,
		...caseReads(ctx),
		createCase: (actor: unknown, input: createCase.CreateCaseInput, o?: WriteOptions) =>
			createCase.createCase(ctx, actor, input, o),
		...caseChangesApi(ctx),
		createPlan: bind(plans.createPlan),
		continuePlan: bind(plans.continuePlan),
		savePlan: bind(plans.savePlan),
		getPlan: (actor: unknown, caseId: string, version?: number) =>
			plans.getPlan(ctx, actor, caseId, version),
		logContact: bind(contacts.logContact),
		listContacts: (actor: unknown, caseId: string, range?: { from?: string; to?: string }) =>
			contacts.listContacts(ctx, actor, caseId, range),
		createReferral: bind(referrals.createReferral),
		answerReferral: (actor: unknown, answer: unknown, o?: WriteOptions) =>
			referrals.answerReferral(ctx, actor, answer, o),
		setReferralStatus: bind(referrals.setReferralStatus),
		recordReferralFeedback: bind(referrals.recordReferralFeedback),
		listReferrals: (actor: unknown, caseId: string) =>
			referralLists.listReferrals(ctx, actor, caseId),
		listOverdueReferrals: (actor: unknown, asOf?: string) =>
			referralLists.listOverdueReferrals(ctx, actor, asOf),
		closeCase: bind(closure.closeCase),
		reopenCase: bind(closure.reopenCase),
		funderReport: (actor: unknown, options: RunReportOptions) =>
			runFunderReport(ctx, actor, options),
		/** One audit row for a refusal before any operation ran (schema errors of a form, a failed login). */
		recordRefusal: (
			actor: unknown,
			spec: { action: string; caseId?: string | null },
			error: Error,
		) => recordRefusal(ctx, actor, spec, error),
		/** Single sign-on over the district's identity provider (the form pages' part of OpenID Connect). */
		oidc: oidc.oidcApi(ctx),
		/** Acts as the Case Event Trigger (a system actor), never as a person. */
		pollCaseEvents: (options: PollOptions) => pollCaseEvents(ctx, options),
		/** Personal sign-in: invitations, own passwords, sessions, lockout (`src/auth/sign-in.ts`). */
		signIn: signInApi(ctx),
	};
}

export type Core = ReturnType<typeof createCore>;
