// Template 07 "Arbeitsplatz": the manager's and the coordinator's pages — Meine Fälle (start page after the
// sign-in) and the case page — served by Case Form Triggers in the folder of the forms; no workflow runs for them.
import type { DistrictProfile } from '../../src/generated/types';
import { Flow } from './flow';
import { intro } from './notes';

export function workplace(profile: DistrictProfile): Flow {
	const f = new Flow(profile, 'arbeitsplatz', 'Arbeitsplatz');
	const overview =
		`${intro(profile, 'Arbeitsplatz: Meine Fälle und Fallakte')}\n\n` +
		'**Meine Fälle** (`/webhook/formulare/faelle`) ist die Startseite nach der Anmeldung: die offenen Fälle der ' +
		'Integrationsmanager*in (die Koordination sieht alle Fälle des Kreises mit der zuständigen Person), Suche nach ' +
		'Name, Fallnummer oder Geburtsdatum, Filter nach Status, Gemeinde und Fälligem; Fälliges steht oben ' +
		'(Planüberprüfung, Weitervermittlung ohne Rückmeldung, nahe 3-Jahres-Grenze).\n\n' +
		'Die **Fallakte** (`/webhook/formulare/fall?case=…`) zeigt Haushalt, Fristen, Integrationsplan, ' +
		'Weitervermittlungen und den Verlauf und öffnet jeden Schritt als Formular dieses Falls.\n\n' +
		'Die Seiten zeigen nur an; gespeichert wird über die Formulare. In n8n entstehen dabei keine Ausführungen ' +
		'(keine personenbezogenen Daten in der Ausführungsliste). Die Formulare müssen im selben Ordner ' +
		'(`formulare/`) unter ihren Standardnamen liegen, weil die Seiten auf sie verweisen.';
	f.note('Überblick', overview, [-40, -60], 560, 340, 4);
	f.note(
		'Wer sieht was',
		'### Wer sieht was\nDie Rollen und Träger stehen im **Kreisprofil**: Integrationsmanager*innen sehen die Fälle ' +
			'ihres Trägers, die Koordination alle Fälle des Kreises (mit der zuständigen Person), die Administration keine ' +
			'Falldaten. Anmeldung wie an den Formularen (eigenes Passwort oder Single Sign-on).',
		[560, 340],
		420,
		220,
	);
	f.formTrigger('faelle', 'Meine Fälle', 'cases', [0, 340]);
	f.formTrigger('fall', 'Fallakte', 'case', [0, 560]);
	return f;
}
