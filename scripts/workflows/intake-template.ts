// Template 01 "Aufnahme": the Case Form Trigger stores the intake (routed by the core to the responsible
// organisation and manager); the workflow notifies the coordination, or in a provider network the provider.
import type { DistrictProfile } from '../../src/generated/types';
import { Flow } from './flow';
import { uuid } from './identifiers';
import { formFlow } from './form-flow';
import { coordinatorOf, smtpNote } from './notes';

export function intakeForm(profile: DistrictProfile): Flow {
	const c = coordinatorOf(profile);
	const { f, trigger } = formFlow(profile, {
		path: 'aufnahme',
		title: 'Aufnahme',
		form: 'intake',
		heading: 'Aufnahme (neuer Fall)',
		overview:
			'Eine Aufnahme legt einen Fall im Status *Aufnahme* an und weist ihn dem zuständigen Träger und einer Integrationsmanager*in zu (namentlich oder die mit den wenigsten offenen Fällen).',
		who: `Aufnahmen erfassen die Koordination${c ? ` (Kennung \`${c.id}\`)` : ''} und die Integrationsmanager*innen für Gemeinden ihres Trägers.`,
	});
	notServedNote(f, profile);
	if (profile.model === 'provider_network') providerRouting(f, profile, trigger);
	else coordinationMail(f, profile, trigger);
	return f;
}

/** Municipalities that organise integration management themselves: an intake from them creates no case. */
function notServedNote(f: Flow, profile: DistrictProfile): void {
	const notServed = profile.municipalities.filter((m) => m.programme !== 'served');
	if (!notServed.length) return;
	f.note(
		'Gemeinden mit eigener Zuständigkeit',
		`### ${notServed.length} Gemeinden organisieren es selbst\n${notServed.map((m) => `- ${m.name}`).join('\n')}\n\n` +
			'Eine Aufnahme aus diesen Gemeinden legt **keinen Fall** an: das Formular antwortet mit einem **Hinweis**, wer zuständig ist ' +
			'(Text aus dem Kreisprofil, *responsibleNote*), direkt am Feld *Wohnort*.\n\n**Anpassen:** Zuständigkeiten im Kreisprofil pflegen und `npm run generate` ausführen – nicht hier von Hand.',
		[560, -340],
		480,
		420,
		3,
	);
}

/** Provider network: a switch on the organisation the core routed the case to, one e-mail per provider. */
function providerRouting(f: Flow, profile: DistrictProfile, trigger: string): void {
	const route = f.add('An Träger weiterleiten', 'n8n-nodes-base.switch', 3.2, [300, 300], {
		rules: {
			values: profile.organisations.map((o) => ({
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
					conditions: [
						{
							id: uuid(`${profile.id}/route/${o.id}`),
							leftValue: '={{ $json.result.routing.organisationId }}',
							rightValue: o.id,
							operator: { type: 'string', operation: 'equals' },
						},
					],
					combinator: 'and',
				},
				renameOutput: true,
				outputKey: o.name,
			})),
		},
		options: {},
	});
	f.connect(trigger, route);
	profile.organisations.forEach((o, i) => {
		const mail = f.email(`Träger informieren: ${o.name}`, [600, 140 + i * 160], {
			to: `integrationsmanagement@${o.id}.example`,
			subject: `=Neuer Fall für ${o.name} ({{ $json.caseNumber }})`,
			text: `=Guten Tag,\n\nim Integrationsmanagement ${profile.name} wurde ein neuer Fall angelegt und ${o.name} zugewiesen.\nFallnummer: {{ $json.caseNumber }}\nZuständig: {{ $json.result.routing.managerId }}\n\nDie Fallakte ist in der Falldatenbank einsehbar (keine personenbezogenen Daten in dieser E-Mail).`,
		});
		f.connect(route, mail, i);
	});
	f.note(
		'Trägernetzwerk',
		`### Weiterleitung an den Träger der Gemeinde\nJede Gemeinde ist im Kreisprofil einem Träger zugeordnet (${profile.organisations.map((o) => o.name).join(', ')}). ` +
			'Die Falldatenbank weist den Fall diesem Träger und dort einer Integrationsmanager*in zu; hier wird der Träger benachrichtigt.\n\n' +
			'**Anpassen:** Empfängeradressen der Träger eintragen; neue Träger: Kreisprofil ändern und `npm run generate`.\n\n' +
			smtpNote,
		[980, 40],
		520,
		460,
		5,
	);
}

function coordinationMail(f: Flow, profile: DistrictProfile, trigger: string): void {
	const mail = f.email('Neuer Fall: Koordination informieren', [320, 300], {
		to: `koordination@${profile.id}.example`,
		subject: '=Neuer Fall {{ $json.caseNumber }}',
		text: `=Im Integrationsmanagement ${profile.name} wurde ein Fall angelegt.\nFallnummer: {{ $json.caseNumber }}\nTräger: {{ $json.result.routing.organisationId }}\nZuständig: {{ $json.result.routing.managerId }}\n\n(keine personenbezogenen Daten in dieser E-Mail)`,
	});
	f.connect(trigger, mail);
	f.note('E-Mail', smtpNote, [260, 480], 420, 240);
}
