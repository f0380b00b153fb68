/** Public API of the n8n-free domain core. */
export { createCore, type Core } from './core';
export { openStore, type CaseStore, type StoreConfig } from './store/open-store';
export { DomainError, isDomainError, type ErrorCode, type FieldError } from './errors';
export { systemClock, fixedClock, today, type Clock } from './clock';
export { validateInput, checkInput, inputKinds, type InputKind } from './validation/validate';
export { loadShippedProfile, parseProfile, shippedProfileIds } from './districts/profile';
export { routeIntake, type Routing } from './districts/routing';
export { resolveActor, type ResolvedActor } from './access/actor';
export { limitsFor } from './lifecycle/duration';
export type { CaseRecord } from './service/case-rows';
export type { PlanRecord, PlanView } from './service/plans';
export type { ContactRecord } from './service/contacts';
export type { ReferralRecord, OverdueReferral } from './service/referrals';
export type { CreatedCase, CaseSearch, CaseSearchResult } from './service/cases';
export type { WriteOptions } from './service/context';
export * from './report';
export type * from './generated/types';
