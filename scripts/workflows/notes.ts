// German texts the sticky notes of several templates share.
import type { DistrictModel, DistrictProfile, StaffMember } from '../../src/generated/types';

const modelText: Record<DistrictModel, string> = {
	central:
		'zentrales Kreismodell: alle Gemeinden haben das Integrationsmanagement an den Landkreis übertragen',
	central_delegated:
		'zentrales Modell mit Delegation: der Landkreis organisiert, die Beratung übernimmt ein freier Träger',
	mixed:
		'gemischtes Modell: der Landkreis berät in einem Teil der Gemeinden, die übrigen organisieren es selbst',
	provider_network:
		'Trägernetzwerk: mehrere Träger beraten, jede Gemeinde ist einem Träger zugeordnet',
	municipal: 'kommunales Modell: die Stadt organisiert das Integrationsmanagement selbst',
};

export function coordinatorOf(profile: DistrictProfile): StaffMember | undefined {
	return profile.staff.find((s) => s.role === 'coordinator');
}

/** The heading of a template's overview note: district, workflow, organisation model. */
export const intro = (profile: DistrictProfile, what: string): string =>
	`## ${profile.name}: ${what}\n\nKreisprofil **${profile.id}** (${modelText[profile.model] ?? profile.model}).\n\n` +
	'Die Knoten *Integration Case* lesen Regeln, Gemeinden, Träger und Personal aus dem Kreisprofil. ' +
	'Wer handelt (*actor*), kommt aus dem Formular und wird gegen das Kreisprofil geprüft.';

export const smtpNote =
	'### E-Mail (standardmäßig aus)\nDie E-Mail-Knoten sind **deaktiviert**, solange kein SMTP-Server eingerichtet ist: ' +
	'Erinnerungen erscheinen dann nur in der Ausführungsliste.\n\n**Einschalten:** SMTP-Zugang *E-Mail-Versand (SMTP)* anlegen ' +
	'(oder `npm start` mit `IM_SMTP_HOST` …, siehe docs/runtime.md), Knoten aktivieren, Empfängeradresse prüfen.';

/** The note beside a Case Form Trigger: link, sign-in, who may use it (`who`). */
export const formTriggerNote = (path: string, who: string): string =>
	`### Formular\n**Link:** \`/webhook/formulare/${path}\` (die genaue Adresse zeigt der Knoten; \`npm start\` druckt sie). ` +
	'**Anmeldung:** jede Person mit ihrer Kennung (oder dienstlichen E-Mail) und ihrem **eigenen Passwort**, das sie über einen Einladungslink der Administration festlegt (Seite *Konten verwalten*); nach wiederholten Fehlversuchen wird die Anmeldung vorübergehend gesperrt (Einstellungen im Kreisprofil). Ein gemeinsames Passwort gibt es nicht.\n\n' +
	`${who}\n\nDer Knoten prüft, speichert in der Falldatenbank und antwortet auf Deutsch; abgelehnte Eingaben (Pflichtfeld, Frist, Berechtigung) landen gar nicht erst hier. ` +
	'Dieselbe Übermittlung zweimal speichert nichts doppelt.\n\n**Anpassen:** *Single Sign-On* einschalten, wenn der Kreis einen Identitätsanbieter hat (docs/signin.md); *Trusted Header* nur hinter einem Anmelde-Proxy mit Proxy-Geheimnis.';

export const caseLinkNote =
	'**Fallbezogen:** das Formular wird mit `?case=<Fallnummer>` geöffnet (Link aus der Fallakte) und ist mit den Falldaten vorbelegt.';
