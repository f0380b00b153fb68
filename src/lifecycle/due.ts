import type { DistrictProfile } from '../generated/types';
import { addDays } from './dates';

/** How many days before its review date a plan counts as due (profile `planReviewLeadDays`, default 7). */
export const reviewLeadDays = (profile: DistrictProfile, override?: number): number =>
	override ?? profile.settings.planReviewLeadDays ?? 7;

/** How many days before the 3/4-year limit a case is flagged (profile `limitLeadDays`). */
export const limitLeadDays = (profile: DistrictProfile, override?: number): number =>
	override ?? profile.settings.limitLeadDays;

/** The latest review date that is due on `day` (a plan reviewed on or before it is due). */
export const reviewDueUntil = (day: string, lead: number): string => addDays(day, lead);

/** Whether a limit on `limitDate` is near on `day`. */
export const limitNear = (limitDate: string, day: string, lead: number): boolean =>
	addDays(limitDate, -lead) <= day;
