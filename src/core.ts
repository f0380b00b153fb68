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

/** Changes of the case file: corrections (`updateCase`), dated changes with history, reassignment. */
function caseChangesApi(ctx: CoreContext) {
	return {
		updateCase: (actor: unknown, caseId: string, patch: unknown, o?: WriteOptions) =>
			caseChanges.updateCase(ctx, actor, caseId, patch, o),
		changeCaseFile: (actor: unknown, caseId: string, change: unknown, o?: WriteOptions) =>
			changeCaseFile(ctx, actor, caseId, change, o),
		reassignCase: (
			actor: unknown,
			caseId: string,
			input: { managerId: string },
			o?: WriteOptions,
		) => caseChanges.reassignCase(ctx, actor, caseId, input, o),
	};
}

/**
 * The lifecycle core for one district: every operation takes the acting person first.
 * Nodes, forms and workflows are thin adapters over this object.
 */
export function createCore(options: { store: CaseStore; profile: DistrictProfile; clock?: Clock }) {
	const ctx: CoreContext = { ...options, clock: options.clock ?? systemClock };
	return {
		context: ctx,
		...caseReads(ctx),
		createCase: (actor: unknown, input: createCase.CreateCaseInput, o?: WriteOptions) =>
			createCase.createCase(ctx, actor, input, o),
		...caseChangesApi(ctx),
		createPlan: (actor: unknown, caseId: string, plan: unknown, o?: WriteOptions) =>
			plans.createPlan(ctx, actor, caseId, plan, o),
		continuePlan: (actor: unknown, caseId: string, plan: unknown, o?: WriteOptions) =>
			plans.continuePlan(ctx, actor, caseId, plan, o),
		savePlan: (actor: unknown, caseId: string, plan: unknown, o?: WriteOptions) =>
			plans.savePlan(ctx, actor, caseId, plan, o),
		getPlan: (actor: unknown, caseId: string, version?: number) =>
			plans.getPlan(ctx, actor, caseId, version),
		logContact: (actor: unknown, caseId: string, contact: unknown, o?: WriteOptions) =>
			contacts.logContact(ctx, actor, caseId, contact, o),
		listContacts: (actor: unknown, caseId: string, range?: { from?: string; to?: string }) =>
			contacts.listContacts(ctx, actor, caseId, range),
		createReferral: (actor: unknown, caseId: string, referral: unknown, o?: WriteOptions) =>
			referrals.createReferral(ctx, actor, caseId, referral, o),
		answerReferral: (actor: unknown, answer: unknown, o?: WriteOptions) =>
			referrals.answerReferral(ctx, actor, answer, o),
		setReferralStatus: (actor: unknown, referralId: string, change: unknown, o?: WriteOptions) =>
			referrals.setReferralStatus(ctx, actor, referralId, change, o),
		listReferrals: (actor: unknown, caseId: string) =>
			referralLists.listReferrals(ctx, actor, caseId),
		listOverdueReferrals: (actor: unknown, asOf?: string) =>
			referralLists.listOverdueReferrals(ctx, actor, asOf),
		closeCase: (actor: unknown, caseId: string, closing: unknown, o?: WriteOptions) =>
			closure.closeCase(ctx, actor, caseId, closing, o),
		reopenCase: (actor: unknown, caseId: string, reopening: unknown, o?: WriteOptions) =>
			closure.reopenCase(ctx, actor, caseId, reopening, o),
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
