import type { DistrictProfile, SignInSettings } from '../generated/types';

/** The profile's sign-in settings (`settings.signIn`) with every missing value at its default. */
export type CheckedSignInSettings = Required<SignInSettings>;

export const signInDefaults: CheckedSignInSettings = {
	sessionIdleMinutes: 30,
	sessionMaxHours: 10,
	lockAfterFailures: 20,
	lockSeconds: 900,
	addressLockAfterFailures: 100,
	invitationHours: 72,
	minPasswordLength: 12,
};

export function signInSettings(profile: DistrictProfile): CheckedSignInSettings {
	return { ...signInDefaults, ...(profile.settings.signIn ?? {}) };
}
