// Invitation links for the demo personas of `npm start`: everyone signs in with their own password, set through
// the link; nobody shares a password. Uses the built package (the code n8n runs) on the district's case store.
import type * as CoreModule from '../../src/index';
import type { DistrictProfile, StaffMember } from '../../src/index';
import { requireBuilt } from './built-package';

export interface PersonaInvitation {
	staffId: string;
	name: string;
	role: StaffMember['role'];
	/** The one-time link (absent: the person has set a password already). */
	url?: string;
	expiresAt?: string;
}

/** Administration, coordination and the first manager of up to four organisations. */
export function demoPersonas(profile: DistrictProfile): StaffMember[] {
	const active = profile.staff.filter((s) => s.active !== false);
	const managers: StaffMember[] = [];
	for (const s of active)
		if (s.role === 'manager' && !managers.some((m) => m.organisationId === s.organisationId))
			managers.push(s);
	return [
		...active.filter((s) => s.role === 'admin'),
		...active.filter((s) => s.role === 'coordinator'),
		...managers.slice(0, 4),
	];
}

/** A new invitation for every persona without a password yet (an older link of theirs stops working). */
export async function invitePersonas(options: {
	district: string;
	storeFile: string;
	packageRoot: string;
	/** The URL of the intake form: the links open there. */
	formUrl: string;
}): Promise<PersonaInvitation[]> {
	const core = requireBuilt<typeof CoreModule>(options.packageRoot, 'src/index.js');
	const profile = core.loadShippedProfile(options.district);
	const store = await core.openStore({ backend: 'sqlite', file: options.storeFile });
	try {
		const api = core.createCore({ store, profile });
		const launcher = new core.SystemActor('npm-start', 'npm start (Demo-Einladungen)');
		const accounts = await api.signIn.accounts(launcher);
		const invitations: PersonaInvitation[] = [];
		for (const staff of demoPersonas(profile)) {
			const base = { staffId: staff.id, name: staff.name, role: staff.role };
			if (accounts.find((a) => a.staffId === staff.id)?.hasPassword) {
				invitations.push(base);
				continue;
			}
			const invited = await api.signIn.invite(launcher, staff.id);
			const url = `${options.formUrl}?auth=invitation&token=${encodeURIComponent(invited.token)}`;
			invitations.push({ ...base, url, expiresAt: invited.expiresAt });
		}
		return invitations;
	} finally {
		await store.close();
	}
}
