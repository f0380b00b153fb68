// Templates 02–06: the Case Form Trigger stores and answers; the workflow does what follows (notifications,
// the service's feedback, reminders).
import type { DistrictProfile } from '../../src/generated/types';
import { Flow } from './flow';
import { formFlow } from './form-flow';
import { caseLinkNote, coordinatorOf, intro, smtpNote } from './notes';

export function planForm(profile: DistrictProfile): Flow {
	const { f, trigger } = formFlow(profile, {
		path: 'integrationsplan',
		title: 'Integrationsplan',
		form: 'plan',
		overview:
			'Der erste Plan eines Falls wird **erstellt** (der Fall geht in *Beratung*), jeder weitere **fortgeschrieben**; alle Fassungen bleiben lesbar. Das Formular entscheidet das selbst.',
		who: caseLinkNote,
	});
	const first = f.ifTrue('Erster Plan?', [300, 300], '$json.result.version === 1');
	f.connect(trigger, first);
	const mail = f.email('Fall in Beratung: Koordination informieren', [580, 220], {
		to: `koordination@${profile.id}.example`,
		subject: '=Fall {{ $json.caseNumber }} ist in Beratung',
		text: `=Für Fall {{ $json.caseNumber }} wurde der erste Integrationsplan erstellt; der Fall ist jetzt in Beratung.\nNächste Überprüfung: {{ $json.result.reviewDate }}\n\n(${profile.name}, keine personenbezogenen Daten in dieser E-Mail)`,
	});
	f.connect(first, mail, 0);
	f.note(
		'Überprüfung',
		`### Überprüfung des Plans\nDas Überprüfungsdatum (*reviewDate*) steuert die Erinnerung im Workflow *Tägliche Erinnerungen* (${profile.settings.planReviewLeadDays} Tage vorher, *planReviewLeadDays* im Kreisprofil).\n\n${smtpNote}`,
		[540, 420],
		460,
		320,
	);
	return f;
}

export function contactForm(profile: DistrictProfile): Flow {
	const { f } = formFlow(profile, {
		path: 'kontakt',
		title: 'Beratungskontakt',
		form: 'contact',
		overview:
			'Jedes Gespräch und jeder Kontakt wird dokumentiert (Datum, Art, Dauer, Themen). Das muss in Sekunden gehen: das Formular hat nur diese Felder.',
		who: caseLinkNote,
	});
	f.note(
		'Erweitern',
		'### Folgeschritte\nHier können Schritte nach jedem Kontakt angehängt werden (z. B. eine Statistik oder eine Wiedervorlage). Die Daten des Kontakts stehen in `$json.result`.',
		[300, 200],
		380,
		200,
	);
	return f;
}

export function referralForm(profile: DistrictProfile): Flow {
	const examples = profile.services
		.slice(0, 3)
		.map((x) => x.name)
		.join(', ');
	const { f } = formFlow(profile, {
		path: 'weitervermittlung',
		title: 'Weitervermittlung',
		form: 'referral',
		overview: `Weitervermittlung an Fachdienste aus dem Kreisprofil (${profile.services.length} Dienste, z. B. ${examples}). Die meisten Dienste nutzen das System nicht: ihre Rückmeldung trägt die Integrationsmanager*in nach.`,
		who: caseLinkNote,
		overviewWidth: 560,
	});
	referralFeedback(f, 900);
	overdueReminder(f, profile, 900);
	return f;
}

/** Feedback of the service (accepted / declined / done) as JSON to a webhook. */
function referralFeedback(f: Flow, y: number): void {
	const status = f.jsonInput(
		'weitervermittlung-rueckmeldung',
		'Rückmeldung',
		[0, y],
		'Formulardaten: Rückmeldung',
	);
	// The answer is checked as a whole (unknown keys, wrong types and an unknown status are refused in German).
	// The interface acts as itself (its own token, its own name in the audit log), never as a person from the body.
	const set = f.caseNode('Rückmeldung eintragen', [480, y], 'referral', 'setStatus', {
		actingAs: 'connectedSystem',
		systemName: 'Schnittstelle Rückmeldungen',
		answerInput: 'json',
		answer: '={{ $json.data }}',
		submissionId: '={{ $json.submissionId ?? "" }}',
	});
	f.connect(status, set);
	const statusAnswer = f.respond(
		'Antwort: Rückmeldung gespeichert',
		[1000, y + 100],
		200,
		"{ status: 'gespeichert', referralId: $json.id, referralStatus: $json.status, message: 'Rückmeldung gespeichert.' }",
	);
	f.checked(set, [740, y], statusAnswer);
	f.note(
		'Rückmeldung',
		'### Rückmeldung des Fachdienstes\nAngenommen, abgelehnt oder abgeschlossen – mit Datum: JSON `{ submissionId, data: { referralId, status, date, note } }` an **/webhook/weitervermittlung-rueckmeldung**. ' +
			'Der Stand als Wert (`accepted`, `declined`, `done`) oder deutsch (`angenommen`, `abgelehnt`, `abgeschlossen`). Andere Felder in `data` und falsche Typen werden abgelehnt: **422** mit deutscher Meldung.\n\n**Zugang:** Header `X-IM-Token` mit dem Token aus dem Zugang *Schnittstellen-Token* (`npm start` druckt ihn). ' +
			'Eingetragen wird als **System** „Schnittstelle Rückmeldungen“ (Protokoll: `system:schnittstelle:…`), nie als eine Person aus dem JSON; das System darf nur Rückmeldungen eintragen. **Jedes weitere System** bekommt einen eigenen Eingang mit eigenem Zugang (Token) und eigenem *System Name*.',
		[-40, y + 180],
		520,
		260,
		6,
	);
}

/** The reminder e-mail when a referral is overdue. */
function overdueReminder(f: Flow, profile: DistrictProfile, y: number): void {
	const days = profile.settings.referralOverdueDays;
	const trigger = f.eventTrigger(
		'Weitervermittlung überfällig',
		[0, y + 600],
		['referralOverdue'],
		7,
		30,
	);
	const mail = f.email('Erinnerung an Integrationsmanager*in', [300, y + 600], {
		to: `integrationsmanagement@${profile.id}.example`,
		subject: '=Weitervermittlung überfällig (Fall {{ $json.caseNumber }})',
		text: `={{ $json.message }}\n\nBitte beim Fachdienst nachfragen und die Rückmeldung im Formular eintragen. Überfällig heißt: nach ${days} Tagen ohne Rückmeldung.\n\nFall: {{ $json.caseNumber }}\nZuständig: {{ $json.managerId }}`,
	});
	f.connect(trigger, mail);
	f.note(
		'Erinnerung',
		`### Erinnerung bei Überfälligkeit\nJeden Morgen um 7:30 Uhr: jede Weitervermittlung, die nach **${days} Tagen** (*referralOverdueDays* im Kreisprofil) noch offen ist, löst genau **eine** Erinnerung aus.\n\n**Anpassen:** Uhrzeit im Auslöser, Empfänger in der E-Mail (z. B. das Postfach des Trägers).\n\n${smtpNote}`,
		[-40, y + 780],
		560,
		360,
		3,
	);
}

export function closureForm(profile: DistrictProfile): Flow {
	const { f, trigger } = formFlow(profile, {
		path: 'beendigung',
		title: 'Beendigung',
		form: 'closure',
		overview:
			'Ein Fall wird mit Grund (selbstständig, verzogen, Kontakt abgebrochen, Höchstdauer …) und Ergebnissen (eigener Mietvertrag, Deutsch B1, sozialversicherungspflichtige Arbeit, Ausbildung/Praktikum/Studium) beendet. Die Ergebnisse gehen in den Bericht an das Land ein.',
		who: caseLinkNote,
		overviewWidth: 560,
	});
	const mail = f.email('Fall beendet: Koordination informieren', [320, 300], {
		to: `koordination@${profile.id}.example`,
		subject: '=Fall {{ $json.caseNumber }} beendet',
		text: `=Fall {{ $json.caseNumber }} wurde beendet (Grund: {{ $json.data.reason }}).\n\n(${profile.name}, keine personenbezogenen Daten in dieser E-Mail)`,
	});
	f.connect(trigger, mail);
	f.note(
		'Umzug',
		`### Umzug in einen anderen Kreis\nBei Grund *verzogen* bitte vor dem Beenden mit der Person klären, ob der Plan an den neuen Kreis gehen darf (Einwilligung, Zweckbindung).\n\n${smtpNote}`,
		[260, 480],
		460,
		320,
	);
	return f;
}

export function reminders(profile: DistrictProfile): Flow {
	const f = new Flow(profile, 'erinnerungen', 'Tägliche Erinnerungen');
	const c = coordinatorOf(profile);
	f.note(
		'Überblick',
		`${intro(profile, 'Tägliche Erinnerungen')}\n\nJeden Morgen um 7:00 Uhr prüft die Falldatenbank:\n- **Überprüfung fällig**: Überprüfungsdatum des Plans in ${profile.settings.planReviewLeadDays} Tagen\n- **Weitervermittlung überfällig**: nach ${profile.settings.referralOverdueDays} Tagen ohne Rückmeldung\n- **3-Jahres-Grenze**: Beratungsende in ${profile.settings.limitLeadDays} Tagen (4 Jahre nur mit Begründung)\n\nJedes Ereignis wird genau einmal gemeldet. Die E-Mail enthält keine Namen, nur die Fallnummer.`,
		[-40, -80],
		560,
		380,
		4,
	);
	const trigger = f.eventTrigger(
		'Fällige Fristen',
		[0, 400],
		['planReviewDue', 'referralOverdue', 'limitApproaching'],
		7,
		0,
	);
	const mail = f.email('E-Mail an die Koordination', [320, 400], {
		to: `koordination@${profile.id}.example`,
		subject: '={{ $json.label }} – Fall {{ $json.caseNumber }}',
		text: `={{ $json.message }}\n\nFall: {{ $json.caseNumber }}\nZuständig: {{ $json.managerId }} ({{ $json.organisationId }})\nDatum: {{ $json.date }}\n\nDiese Nachricht kommt aus dem Workflow „Tägliche Erinnerungen“ (${profile.name}).`,
	});
	f.connect(trigger, mail);
	f.note(
		'Empfänger',
		`### Empfänger anpassen\nStandard: die Koordination${c ? ` (${c.name})` : ''}. Für Erinnerungen an die einzelnen Integrationsmanager*innen einen Knoten *Integration Case → Case Get* (als Koordination) einfügen oder je Träger filtern.\n\n${smtpNote}`,
		[280, 580],
		520,
		340,
		3,
	);
	return f;
}
