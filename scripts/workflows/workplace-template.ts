// Template 07 "Arbeitsplatz": the manager's and the coordinator's pages — Meine Fälle (start page after the
// sign-in), the case page, the overview per provider and manager and the funder report on demand — served by Case
// Form Triggers in the folder of the forms; no workflow runs for them.
import type { DistrictProfile } from '../../src/generated/types';
import { Flow } from './flow';
import { intro } from './notes';

export function workplace(profile: DistrictProfile): Flow {
	const f = new Flow(profile, 'arbeitsplatz', 'Arbeitsplatz');
	const overview =
		`${intro(profile, 'Arbeitsplatz: Meine Fälle, Fallakte, Übersicht und Auswertung')}\n\n` +
		'**Meine Fälle** (`/webhook/formulare/faelle`) ist die Startseite nach der Anmeldung: die offenen Fälle der ' +
		'Integrationsmanager*in (die Koordination sieht alle Fälle des Kreises mit der zuständigen Person), Suche nach ' +
		'Name, Fallnummer oder Geburtsdatum, Filter nach Status, Gemeinde und Fälligem; Fälliges steht oben ' +
		'(Planüberprüfung, Weitervermittlung ohne Rückmeldung, nahe 3-Jahres-Grenze).\n\n' +
		'Die **Fallakte** (`/webhook/formulare/fall?case=…`) zeigt Haushalt, Fristen, Integrationsplan, ' +
		'Weitervermittlungen und den Verlauf und öffnet jeden Schritt als Formular dieses Falls; jede Fassung des ' +
		'Integrationsplans öffnet sich als lesbares, druckbares Dokument (`fall?case=…&fassung=2`).\n\n' +
		'Die **Übersicht** (`/webhook/formulare/uebersicht`) zeigt der Koordination den Kreis auf einen Blick: je Träger ' +
		'und je Integrationsmanager*in die offenen Fälle (Aufnahme, in Beratung), fällige Planüberprüfungen, überfällige ' +
		'Rückmeldungen und Fälle nahe der Grenze, mit Summen je Träger und für den Kreis; jede Zahl öffnet die passende ' +
		'Liste in „Meine Fälle“. Integrationsmanager*innen sehen die Übersicht ihres eigenen Trägers.\n\n' +
		'Die **Auswertung** (`/webhook/formulare/auswertung`) liefert der Koordination (ganzer Kreis) und den ' +
		'Integrationsmanager*innen (eigener Träger) den Bericht für den Fördergeber für einen frei gewählten Zeitraum ' +
		'als Excel-Datei und als Sachbericht-Entwurf, ohne Zugang zum n8n-Editor; die geplante Auswertung bleibt.\n\n' +
		'Die Seiten zeigen nur an; gespeichert wird über die Formulare. In n8n entstehen dabei keine Ausführungen ' +
		'(keine personenbezogenen Daten in der Ausführungsliste). Die Formulare müssen im selben Ordner ' +
		'(`formulare/`) unter ihren Standardnamen liegen, weil die Seiten auf sie verweisen.';
	f.note('Überblick', overview, [-40, -60], 800, 420, 4);
	f.note(
		'Wer sieht was',
		'### Wer sieht was\nDie Rollen und Träger stehen im **Kreisprofil**: Integrationsmanager*innen sehen die Fälle ' +
			'ihres Trägers, die Koordination alle Fälle des Kreises (mit der zuständigen Person), die Administration keine ' +
			'Falldaten, keine Übersicht und keine Auswertung. Anmeldung wie an den Formularen (eigenes Passwort oder Single Sign-on).',
		[560, 420],
		420,
		220,
	);
	f.formTrigger('faelle', 'Meine Fälle', 'cases', [0, 420]);
	f.formTrigger('fall', 'Fallakte', 'case', [0, 640]);
	f.formTrigger('auswertung', 'Auswertung', 'report', [0, 860]);
	f.formTrigger('uebersicht', 'Übersicht', 'overview', [0, 1080]);
	f.note(
		'Weitere Schritte der Fallakte',
		'### Weitere Schritte der Fallakte\nDiese Formulare öffnet die Fallakte für einen Fall; sie speichern selbst ' +
			'und geben an n8n nur Kennungen weiter (keine personenbezogenen Daten in der Ausführungsliste): **Rückmeldung** eines Fachdienstes zu einer Weitervermittlung, ' +
			'**Veränderung** in der Fallakte (Deutschniveau, Tätigkeit, Wohnort, Haushalt; mit Datum, damit Berichte ' +
			'den Stand am Ende ihres Zeitraums zählen), **Wiederaufnahme** eines beendeten Falls und **Neuzuweisung** ' +
			'(Koordination im ganzen Kreis, Integrationsmanager*innen innerhalb ihres Trägers).',
		[560, 1300],
		420,
		240,
	);
	f.formTrigger('rueckmeldung', 'Rückmeldung', 'referralFeedback', [0, 1300], 'ids');
	f.formTrigger('veraenderung', 'Veränderung', 'caseFileChange', [0, 1520], 'ids');
	f.formTrigger('wiederaufnahme', 'Wiederaufnahme', 'reopen', [0, 1740], 'ids');
	f.formTrigger('zustaendigkeit', 'Neuzuweisung', 'reassign', [0, 1960], 'ids');
	return f;
}
