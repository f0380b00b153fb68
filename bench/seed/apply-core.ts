import type { Core } from '../../src/core';
import type { DistrictProfile } from '../../src/generated/types';
import type { SimCase } from './simulate';

/**
 * Replays a simulated case through the real core, operation by operation, exactly as managers would document it:
 * every rule, check, status change and audit row applies. The coordinator takes the intake for the chosen manager.
 */
export async function applyThroughCore(
	core: Core,
	profile: DistrictProfile,
	sim: SimCase,
): Promise<string> {
	const coordinator = profile.staff.find((s) => s.role === 'coordinator' && s.active !== false);
	if (!coordinator) throw new Error(`Kreisprofil ${profile.id} hat keine Koordination`);
	const manager = profile.staff.find((s) => s.id === sim.managerId);
	if (!manager) throw new Error(`Unbekannte*r Integrationsmanager*in ${sim.managerId}`);
	const asActor = (s: { id: string; role: string; organisationId: string }) => ({
		staffId: s.id,
		role: s.role,
		organisationId: s.organisationId,
	});
	const { case: created } = await core.createCase(asActor(coordinator), {
		intake: sim.intake,
		managerId: sim.managerId,
	});
	const actor = asActor(manager);
	const referralIds: string[] = [];
	for (const op of sim.ops) {
		switch (op.kind) {
			case 'plan':
				await (op.continued ? core.continuePlan : core.createPlan)(actor, created.id, op.plan);
				break;
			case 'contact':
				await core.logContact(actor, created.id, op.contact);
				break;
			case 'referral':
				referralIds[op.ref] = (
					await core.createReferral(actor, created.id, {
						date: op.date,
						serviceId: op.serviceId,
						reason: op.reason,
					})
				).id;
				break;
			case 'referralStatus':
				await core.setReferralStatus(actor, referralIds[op.ref], {
					status: op.status,
					date: op.date,
				});
				break;
			case 'close':
				await core.closeCase(actor, created.id, op.closure);
				break;
			case 'reopen':
				await core.reopenCase(actor, created.id, { date: op.date, reason: op.reason });
				break;
		}
	}
	return created.id;
}
