/** Public API of the n8n-free domain core. */
export { createCore, type Core } from './core';
export { openStore, type CaseStore, type StoreConfig } from './store/open-store';
export { DomainError, isDomainError, type ErrorCode, type FieldError } from './errors';
export { systemClock, fixedClock, today, type Clock } from './clock';
export { validateInput, checkInput, inputKinds, type InputKind } from './validation/validate';
export { parseJsonParameter } from './validation/json-text';
export { loadShippedProfile, parseProfile, shippedProfileIds } from './districts/profile';
export { routeIntake, type Routing } from './districts/routing';
export { resolveActor, SystemActor, interfaceActor, type ResolvedActor } from './access/actor';
export { limitsFor } from './lifecycle/duration';
export { caseEventLabels, caseEventTypes } from './events/event-types';
export { handleFormRequest } from './forms/handlers';
export { emissionOf, type EmissionOutput } from './forms/emission';
export { handleWorkplaceRequest, pageKinds, type PageKind } from './workplace/workplace';
export { checkProxySecret, type AuthConfig } from './forms/auth';
export {
	startLogin as startOidcLogin,
	finishLogin as finishOidcLogin,
	logoutUrl as oidcLogoutUrl,
	checkOidcSettings,
	oidcLoginAction,
	defaultScopes as defaultOidcScopes,
	type OidcSettings,
	type StaffClaim,
	type LoginStart as OidcLoginStart,
	type OidcLogin,
} from './auth/oidc';
export { signInSettings, type CheckedSignInSettings } from './auth/sign-in-settings';
export { passwordProblems } from './auth/passwords';
export type {
	SignIn,
	SignInClient,
	SessionStart,
	SessionInfo,
	SessionVia,
	AccountStatus,
	InvitationInfo,
	InvitationStart,
} from './auth/sign-in';
export type { FormKind } from './forms/form-definitions';
export type { CaseRecord } from './service/case-rows';
export type { PlanDocument, PlanRecord, PlanView } from './service/plans';
export type { ContactRecord } from './service/contacts';
export type { ReferralRecord } from './service/referral-record';
export type { OverdueReferral } from './service/referral-lists';
export type { CaseSearch, CaseSearchResult } from './service/cases';
export type { CreatedCase, CreateCaseInput } from './service/create-case';
export type { CaseFile, StatusChange } from './service/case-file';
export type { CaseloadFilter, CaseloadRow, DueReason } from './service/caseload';
export type {
	CaseOverview,
	ManagerCounts,
	OverviewCounts,
	ProviderCounts,
} from './service/overview';
export type { CaseEvent, CaseEventType, PollOptions, PollResult } from './events/event-types';
export type { WriteOptions } from './service/context';
export * from './report';
export type * from './generated/types';
