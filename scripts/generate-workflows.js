'use strict';
// Workflow templates per district: one template source per workflow (below) + the shipped district profile
// (districts/<id>.json) → workflows/<district>/<nn>-<name>.json (committed, checked for staleness by
// `node scripts/generate.js --check`). Everything an admin reads in them (sticky notes, answers, e-mails) is German.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const PKG = 'n8n-nodes-integrationsmanagement';
const CASE = `${PKG}.integrationCase`;
const EVENTS = `${PKG}.caseEventTrigger`;
const FORM = `${PKG}.caseFormTrigger`;

/** The case-store credential every template uses; `npm start` creates it under this id (SQLite in the user folder). */
const CASE_STORE_CREDENTIAL = { id: 'imCaseStoreCred1', name: 'Falldatenbank' };
/** The SMTP credential `npm start` creates when SMTP is configured (IM_SMTP_HOST); e-mail nodes are disabled otherwise. */
const SMTP_CREDENTIAL = { id: 'imSmtpCredential', name: 'E-Mail-Versand (SMTP)' };
/** The password of the form pages (Basic Auth; user = staff id or e-mail of the profile); `npm start` creates it. */
const FORM_LOGIN_CREDENTIAL = { id: 'imFormLoginCred1', name: 'Formular-Anmeldung' };
/** Header token of the JSON interface (referral feedback); `npm start` creates it (header X-IM-Token). */
const API_TOKEN_CREDENTIAL = { id: 'imApiTokenCred01', name: 'Schnittstellen-Token' };

const DISTRICTS = ['emmendingen', 'ortenaukreis', 'ludwigsburg', 'sigmaringen', 'wehr'];

const uuid = (seed) => {
	const h = crypto.createHash('sha256').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
/** n8n workflow ids: 16 alphanumerics, stable per district and workflow. */
const workflowId = (district, name) => `im${crypto.createHash('sha256').update(`${district}/${name}`).digest('hex').slice(0, 14)}`;

const js = (value) => JSON.stringify(value);

/** A small builder for one workflow: nodes, connections, sticky notes. */
class Flow {
	constructor(profile, name, title) {
		this.profile = profile;
		this.name = name;
		this.title = title;
		this.nodes = [];
		this.connections = {};
	}

	add(name, type, typeVersion, position, parameters, extra = {}) {
		this.nodes.push({ parameters, id: uuid(`${this.profile.id}/${this.name}/${name}`), name, type, typeVersion, position, ...extra });
		return name;
	}

	connect(from, to, output = 0) {
		const outputs = (this.connections[from] ??= { main: [] }).main;
		while (outputs.length <= output) outputs.push([]);
		outputs[output].push({ node: to, type: 'main', index: 0 });
	}

	chain(...names) {
		for (let i = 1; i < names.length; i++) this.connect(names[i - 1], names[i]);
	}

	note(key, content, position, width = 420, height = 260, color = 7) {
		this.add(`Hinweis ${key}`, 'n8n-nodes-base.stickyNote', 1, position, { content, height, width, color });
	}

	caseNode(name, position, resource, operation, parameters = {}, { continueOnError = true } = {}) {
		return this.add(
			name,
			CASE,
			1,
			position,
			{ resource, operation, districtProfile: this.profile.id, ...parameters },
			{ credentials: { integrationCaseStoreApi: CASE_STORE_CREDENTIAL }, ...(continueOnError ? { onError: 'continueRegularOutput' } : {}) },
		);
	}

	/** The form input: the submitted form as `{data, actor, submissionId, caseId?}` (the Case Form Trigger's shape). */
	/** A JSON interface (n8n Webhook with Header Auth) whose body is `{actor, data, submissionId, caseId?}`. */
	formInput(path, label, position = [0, 300], dataName = 'Formulardaten') {
		const hook = this.add(
			`Eingang: ${label}`,
			'n8n-nodes-base.webhook',
			2.1,
			position,
			{ httpMethod: 'POST', path, authentication: 'headerAuth', responseMode: 'responseNode', options: {} },
			{ webhookId: uuid(`${this.profile.id}/${this.name}/webhook/${path}`), credentials: { httpHeaderAuth: API_TOKEN_CREDENTIAL } },
		);
		const data = this.add(dataName, 'n8n-nodes-base.set', 3.4, [position[0] + 220, position[1]], {
			mode: 'raw',
			jsonOutput: '={{ JSON.stringify($json.body) }}',
			options: {},
		});
		this.connect(hook, data);
		return data;
	}

	/**
	 * A Case Form Trigger: GET serves the form, POST (login: Basic Auth with a staff id of the profile) stores the
	 * submission through the core and answers the manager in German; the workflow then gets
	 * `{kind, data, extras, actor, submissionId, caseId, result}`.
	 */
	formTrigger(path, label, form, position = [0, 300]) {
		return this.add(
			`Formular: ${label}`,
			FORM,
			1,
			position,
			{ form, path, districtProfile: this.profile.id, authentication: 'basicAuth', save: true },
			{ webhookId: uuid(`${this.profile.id}/${this.name}/webhook/${path}`), credentials: { integrationCaseStoreApi: CASE_STORE_CREDENTIAL, caseFormBasicAuth: FORM_LOGIN_CREDENTIAL } },
		);
	}

	respond(name, position, status, body) {
		return this.add(name, 'n8n-nodes-base.respondToWebhook', 1.5, position, {
			respondWith: 'json',
			responseBody: `={{ JSON.stringify(${body}) }}`,
			options: { responseCode: status },
		});
	}

	/** `If` on a boolean expression. */
	ifTrue(name, position, expression) {
		return this.add(name, 'n8n-nodes-base.if', 2.2, position, {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [{ id: uuid(`${this.profile.id}/${this.name}/${name}/c`), leftValue: `={{ ${expression} }}`, rightValue: '', operator: { type: 'boolean', operation: 'true', singleValue: true } }],
				combinator: 'and',
			},
			looseTypeValidation: true,
			options: {},
		});
	}

	/** A refused operation (German message, code, field errors) → HTTP 422; otherwise on to `next`. */
	checked(caseNode, position, next) {
		const check = this.ifTrue(`${caseNode} abgelehnt?`, position, '!!$json.code');
		this.connect(caseNode, check);
		const refused = this.respond(`Antwort: ${caseNode} abgelehnt`, [position[0] + 260, position[1] - 120], 422, "{ status: 'abgelehnt', code: $json.code, message: $json.error, fieldErrors: $json.fieldErrors ?? [] }");
		this.connect(check, refused, 0);
		this.connect(check, next, 1);
	}

	/** E-mail node: disabled until SMTP is set up (`npm start` with IM_SMTP_HOST enables it). */
	email(name, position, { to, subject, text }) {
		return this.add(
			name,
			'n8n-nodes-base.emailSend',
			2.1,
			position,
			{ fromEmail: `integrationsmanagement@${this.profile.id}.example`, toEmail: to, subject, emailFormat: 'text', text, options: {} },
			{ disabled: true, credentials: { smtp: SMTP_CREDENTIAL }, notesInFlow: true, notes: 'Ohne SMTP deaktiviert' },
		);
	}

	toJSON() {
		return {
			id: workflowId(this.profile.id, this.name),
			name: `${this.profile.name}: ${this.title}`,
			nodes: this.nodes,
			connections: this.connections,
			settings: { executionOrder: 'v1', timezone: 'Europe/Berlin', saveManualExecutions: true, callerPolicy: 'workflowsFromSameOwner' },
			pinData: {},
			meta: { templateCredsSetupCompleted: true, integrationsmanagement: { district: this.profile.id, template: this.name } },
			tags: [],
		};
	}
}

const modelText = {
	central: 'zentrales Kreismodell: alle Gemeinden haben das Integrationsmanagement an den Landkreis übertragen',
	central_delegated: 'zentrales Modell mit Delegation: der Landkreis organisiert, die Beratung übernimmt ein freier Träger',
	mixed: 'gemischtes Modell: der Landkreis berät in einem Teil der Gemeinden, die übrigen organisieren es selbst',
	provider_network: 'Trägernetzwerk: mehrere Träger beraten, jede Gemeinde ist einem Träger zugeordnet',
	municipal: 'kommunales Modell: die Stadt organisiert das Integrationsmanagement selbst',
};

function coordinatorOf(profile) {
	return profile.staff.find((s) => s.role === 'coordinator');
}

const intro = (profile, what) =>
	`## ${profile.name}: ${what}\n\nKreisprofil **${profile.id}** (${modelText[profile.model] ?? profile.model}).\n\n` +
	'Die Knoten *Integration Case* lesen Regeln, Gemeinden, Träger und Personal aus dem Kreisprofil. ' +
	'Wer handelt (*actor*), kommt aus dem Formular und wird gegen das Kreisprofil geprüft.';

const smtpNote =
	'### E-Mail (standardmäßig aus)\nDie E-Mail-Knoten sind **deaktiviert**, solange kein SMTP-Server eingerichtet ist: ' +
	'Erinnerungen erscheinen dann nur in der Ausführungsliste.\n\n**Einschalten:** SMTP-Zugang *E-Mail-Versand (SMTP)* anlegen ' +
	'(oder `npm start` mit `IM_SMTP_HOST` …, siehe docs/runtime.md), Knoten aktivieren, Empfängeradresse prüfen.';

// ---------------------------------------------------------------------------------------------------------
// Templates: the Case Form Trigger stores and answers; the workflow does what follows.

/** Feedback of the service (JSON to a webhook) and the reminder e-mail when a referral is overdue. */
function referralFeedbackAndReminder(f, profile, days, y) {
	// Feedback of the service (accepted / declined / done)
	const status = f.formInput('weitervermittlung-rueckmeldung', 'Rückmeldung', [0, y], 'Formulardaten: Rückmeldung');
	const set = f.caseNode('Rückmeldung eintragen', [480, y], 'referral', 'setStatus', { actor: '={{ $json.actor }}', referralId: '={{ $json.data.referralId }}', status: '={{ $json.data.status }}', date: '={{ $json.data.date }}', note: '={{ $json.data.note ?? "" }}', submissionId: '={{ $json.submissionId ?? "" }}' });
	f.connect(status, set);
	const statusAnswer = f.respond('Antwort: Rückmeldung gespeichert', [1000, y + 100], 200, "{ status: 'gespeichert', referralId: $json.id, referralStatus: $json.status, message: 'Rückmeldung gespeichert.' }");
	f.checked(set, [740, y], statusAnswer);
	f.note(
		'Rückmeldung',
		'### Rückmeldung des Fachdienstes\nAngenommen, abgelehnt oder erledigt – mit Datum: JSON `{ actor, submissionId, data: { referralId, status, date, note } }` an **/webhook/weitervermittlung-rueckmeldung**. ' +
			'Abgelehnte Eingaben werden mit **422** und deutscher Meldung beantwortet.\n\n**Zugang:** Header `X-IM-Token` mit dem Token aus dem Zugang *Schnittstellen-Token* (`npm start` druckt ihn). ' +
			'Die handelnde Person kommt aus dem JSON: den Token nur Systemen geben, die ihre Nutzer selbst anmelden.',
		[-40, y + 180], 520, 260, 6,
	);

	// Reminder when overdue
	const trigger = f.add('Weitervermittlung überfällig', EVENTS, 1, [0, y + 600], { districtProfile: profile.id, events: ['referralOverdue'], options: {}, pollTimes: { item: [{ mode: 'everyDay', hour: 7, minute: 30 }] } }, { credentials: { integrationCaseStoreApi: CASE_STORE_CREDENTIAL } });
	const mail = f.email('Erinnerung an Integrationsmanager*in', [300, y + 600], {
		to: `integrationsmanagement@${profile.id}.example`,
		subject: '=Weitervermittlung überfällig (Fall {{ $json.caseId }})',
		text: `={{ $json.message }}\n\nBitte beim Fachdienst nachfragen und die Rückmeldung im Formular eintragen. Überfällig heißt: nach ${days} Tagen ohne Rückmeldung.\n\nFall: {{ $json.caseId }}\nZuständig: {{ $json.managerId }}`,
	});
	f.connect(trigger, mail);
	f.note('Erinnerung', `### Erinnerung bei Überfälligkeit\nJeden Morgen um 7:30 Uhr: jede Weitervermittlung, die nach **${days} Tagen** (*referralOverdueDays* im Kreisprofil) noch offen ist, löst genau **eine** Erinnerung aus.\n\n**Anpassen:** Uhrzeit im Auslöser, Empfänger in der E-Mail (z. B. das Postfach des Trägers).\n\n${smtpNote}`, [-40, y + 780], 560, 360, 3);
}

const formTriggerNote = (path, who) =>
	`### Formular\n**Link:** \`/webhook/…/${path}\` (die genaue Adresse zeigt der Knoten; \`npm start\` druckt sie). ` +
	'Die Seite fragt nach **Kennung** (Mitarbeiter-ID oder E-Mail aus dem Kreisprofil) und dem **Formular-Passwort** (Zugang *Formular-Anmeldung*).\n\n' +
	`${who}\n\nDer Knoten prüft, speichert in der Falldatenbank und antwortet auf Deutsch; abgelehnte Eingaben (Pflichtfeld, Frist, Berechtigung) landen gar nicht erst hier. ` +
	'Dieselbe Übermittlung zweimal speichert nichts doppelt.\n\n**Anpassen:** Anmeldung auf *Trusted Header* umstellen, wenn ein SSO-Proxy vorgeschaltet ist.';

const caseLinkNote = '**Fallbezogen:** das Formular wird mit `?case=<Fallnummer>` geöffnet (Link aus der Fallakte) und ist mit den Falldaten vorbelegt.';

function intakeForm(profile) {
	const f = new Flow(profile, 'aufnahme', 'Aufnahme');
	const c = coordinatorOf(profile);
	f.note('Überblick', `${intro(profile, 'Aufnahme (neuer Fall)')}\n\nEine Aufnahme legt einen Fall im Status *Aufnahme* an und weist ihn dem zuständigen Träger und einer Integrationsmanager*in zu (namentlich oder die mit den wenigsten offenen Fällen).`, [-40, -60], 520, 300, 4);
	const trigger = f.formTrigger('aufnahme', 'Aufnahme', 'intake');
	f.note('Formular', formTriggerNote('aufnahme', `Aufnahmen erfassen die Koordination${c ? ` (Kennung \`${c.id}\`)` : ''} und die Integrationsmanager*innen für Gemeinden ihres Trägers.`), [-40, 480], 480, 320);
	const notServed = profile.municipalities.filter((m) => m.programme !== 'served');
	if (notServed.length) {
		f.note(
			'Gemeinden mit eigener Zuständigkeit',
			`### ${notServed.length} Gemeinden organisieren es selbst\n${notServed.map((m) => `- ${m.name}`).join('\n')}\n\n` +
				'Eine Aufnahme aus diesen Gemeinden legt **keinen Fall** an: das Formular antwortet mit einem **Hinweis**, wer zuständig ist ' +
				'(Text aus dem Kreisprofil, *responsibleNote*), direkt am Feld *Wohnort*.\n\n**Anpassen:** Zuständigkeiten im Kreisprofil pflegen und `npm run generate` ausführen – nicht hier von Hand.',
			[560, -340], 480, 420, 3,
		);
	}
	if (profile.model === 'provider_network') {
		const route = f.add('An Träger weiterleiten', 'n8n-nodes-base.switch', 3.2, [300, 300], {
			rules: {
				values: profile.organisations.map((o) => ({
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [{ id: uuid(`${profile.id}/route/${o.id}`), leftValue: '={{ $json.result.routing.organisationId }}', rightValue: o.id, operator: { type: 'string', operation: 'equals' } }],
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
				subject: `=Neuer Fall für ${o.name} ({{ $json.caseId }})`,
				text: `=Guten Tag,\n\nim Integrationsmanagement ${profile.name} wurde ein neuer Fall angelegt und ${o.name} zugewiesen.\nFallnummer: {{ $json.caseId }}\nZuständig: {{ $json.result.routing.managerId }}\n\nDie Fallakte ist in der Falldatenbank einsehbar (keine personenbezogenen Daten in dieser E-Mail).`,
			});
			f.connect(route, mail, i);
		});
		f.note(
			'Trägernetzwerk',
			`### Weiterleitung an den Träger der Gemeinde\nJede Gemeinde ist im Kreisprofil einem Träger zugeordnet (${profile.organisations.map((o) => o.name).join(', ')}). ` +
				'Die Falldatenbank weist den Fall diesem Träger und dort einer Integrationsmanager*in zu; hier wird der Träger benachrichtigt.\n\n' +
				'**Anpassen:** Empfängeradressen der Träger eintragen; neue Träger: Kreisprofil ändern und `npm run generate`.\n\n' + smtpNote,
			[980, 40], 520, 460, 5,
		);
	} else {
		const mail = f.email('Neuer Fall: Koordination informieren', [320, 300], {
			to: `koordination@${profile.id}.example`,
			subject: '=Neuer Fall {{ $json.caseId }}',
			text: `=Im Integrationsmanagement ${profile.name} wurde ein Fall angelegt.\nFallnummer: {{ $json.caseId }}\nTräger: {{ $json.result.routing.organisationId }}\nZuständig: {{ $json.result.routing.managerId }}\n\n(keine personenbezogenen Daten in dieser E-Mail)`,
		});
		f.connect(trigger, mail);
		f.note('E-Mail', smtpNote, [260, 480], 420, 240);
	}
	return f;
}

function planForm(profile) {
	const f = new Flow(profile, 'integrationsplan', 'Integrationsplan');
	f.note('Überblick', `${intro(profile, 'Integrationsplan')}\n\nDer erste Plan eines Falls wird **erstellt** (der Fall geht in *Beratung*), jeder weitere **fortgeschrieben**; alle Fassungen bleiben lesbar. Das Formular entscheidet das selbst.`, [-40, -60], 520, 300, 4);
	const trigger = f.formTrigger('integrationsplan', 'Integrationsplan', 'plan');
	f.note('Formular', formTriggerNote('integrationsplan', caseLinkNote), [-40, 480], 480, 320);
	const first = f.ifTrue('Erster Plan?', [300, 300], '$json.result.version === 1');
	f.connect(trigger, first);
	const mail = f.email('Fall in Beratung: Koordination informieren', [580, 220], {
		to: `koordination@${profile.id}.example`,
		subject: '=Fall {{ $json.caseId }} ist in Beratung',
		text: `=Für Fall {{ $json.caseId }} wurde der erste Integrationsplan erstellt; der Fall ist jetzt in Beratung.\nNächste Überprüfung: {{ $json.result.reviewDate }}\n\n(${profile.name}, keine personenbezogenen Daten in dieser E-Mail)`,
	});
	f.connect(first, mail, 0);
	f.note('Überprüfung', `### Überprüfung des Plans\nDas Überprüfungsdatum (*reviewDate*) steuert die Erinnerung im Workflow *Tägliche Erinnerungen* (${profile.settings.planReviewLeadDays} Tage vorher, *planReviewLeadDays* im Kreisprofil).\n\n${smtpNote}`, [540, 420], 460, 320);
	return f;
}

function contactForm(profile) {
	const f = new Flow(profile, 'kontakt', 'Beratungskontakt');
	f.note('Überblick', `${intro(profile, 'Beratungskontakt')}\n\nJedes Gespräch und jeder Kontakt wird dokumentiert (Datum, Art, Dauer, Themen). Das muss in Sekunden gehen: das Formular hat nur diese Felder.`, [-40, -60], 520, 300, 4);
	f.formTrigger('kontakt', 'Beratungskontakt', 'contact');
	f.note('Formular', formTriggerNote('kontakt', caseLinkNote), [-40, 480], 480, 320);
	f.note('Erweitern', '### Folgeschritte\nHier können Schritte nach jedem Kontakt angehängt werden (z. B. eine Statistik oder eine Wiedervorlage). Die Daten des Kontakts stehen in `$json.result`.', [300, 200], 380, 200);
	return f;
}

function referralForm(profile) {
	const f = new Flow(profile, 'weitervermittlung', 'Weitervermittlung');
	const days = profile.settings.referralOverdueDays;
	f.note('Überblick', `${intro(profile, 'Weitervermittlung')}\n\nWeitervermittlung an Fachdienste aus dem Kreisprofil (${profile.services.length} Dienste, z. B. ${profile.services.slice(0, 3).map((x) => x.name).join(', ')}). Die meisten Dienste nutzen das System nicht: ihre Rückmeldung trägt die Integrationsmanager*in nach.`, [-40, -60], 560, 300, 4);
	f.formTrigger('weitervermittlung', 'Weitervermittlung', 'referral');
	f.note('Formular', formTriggerNote('weitervermittlung', caseLinkNote), [-40, 480], 480, 320);
	referralFeedbackAndReminder(f, profile, days, 900);
	return f;
}

function closureForm(profile) {
	const f = new Flow(profile, 'beendigung', 'Beendigung');
	f.note('Überblick', `${intro(profile, 'Beendigung')}\n\nEin Fall wird mit Grund (selbstständig, verzogen, Kontakt abgebrochen, Höchstdauer …) und Ergebnissen (eigener Mietvertrag, Deutsch B1, sozialversicherungspflichtige Arbeit, Ausbildung/Praktikum/Studium) beendet. Die Ergebnisse gehen in den Bericht an das Land ein.`, [-40, -60], 560, 300, 4);
	const trigger = f.formTrigger('beendigung', 'Beendigung', 'closure');
	f.note('Formular', formTriggerNote('beendigung', caseLinkNote), [-40, 480], 480, 320);
	const mail = f.email('Fall beendet: Koordination informieren', [320, 300], {
		to: `koordination@${profile.id}.example`,
		subject: '=Fall {{ $json.caseId }} beendet',
		text: `=Fall {{ $json.caseId }} wurde beendet (Grund: {{ $json.data.reason }}).\n\n(${profile.name}, keine personenbezogenen Daten in dieser E-Mail)`,
	});
	f.connect(trigger, mail);
	f.note('Umzug', `### Umzug in einen anderen Kreis\nBei Grund *verzogen* bitte vor dem Beenden mit der Person klären, ob der Plan an den neuen Kreis gehen darf (Einwilligung, Zweckbindung).\n\n${smtpNote}`, [260, 480], 460, 320);
	return f;
}

function reminders(profile) {
	const f = new Flow(profile, 'erinnerungen', 'Tägliche Erinnerungen');
	const c = coordinatorOf(profile);
	f.note('Überblick', `${intro(profile, 'Tägliche Erinnerungen')}\n\nJeden Morgen um 7:00 Uhr prüft die Falldatenbank:\n- **Überprüfung fällig**: Überprüfungsdatum des Plans in ${profile.settings.planReviewLeadDays} Tagen\n- **Weitervermittlung überfällig**: nach ${profile.settings.referralOverdueDays} Tagen ohne Rückmeldung\n- **3-Jahres-Grenze**: Beratungsende in ${profile.settings.limitLeadDays} Tagen (4 Jahre nur mit Begründung)\n\nJedes Ereignis wird genau einmal gemeldet. Die E-Mail enthält keine Namen, nur die Fallnummer.`, [-40, -80], 560, 380, 4);
	const trigger = f.add('Fällige Fristen', EVENTS, 1, [0, 400], { districtProfile: profile.id, events: ['planReviewDue', 'referralOverdue', 'limitApproaching'], options: {}, pollTimes: { item: [{ mode: 'everyDay', hour: 7, minute: 0 }] } }, { credentials: { integrationCaseStoreApi: CASE_STORE_CREDENTIAL } });
	const mail = f.email('E-Mail an die Koordination', [320, 400], {
		to: `koordination@${profile.id}.example`,
		subject: '={{ $json.label }} – Fall {{ $json.caseId }}',
		text: `={{ $json.message }}\n\nFall: {{ $json.caseId }}\nZuständig: {{ $json.managerId }} ({{ $json.organisationId }})\nDatum: {{ $json.date }}\n\nDiese Nachricht kommt aus dem Workflow „Tägliche Erinnerungen“ (${profile.name}).`,
	});
	f.connect(trigger, mail);
	f.note('Empfänger', `### Empfänger anpassen\nStandard: die Koordination${c ? ` (${c.name})` : ''}. Für Erinnerungen an die einzelnen Integrationsmanager*innen einen Knoten *Integration Case → Case Get* (als Koordination) einfügen oder je Träger filtern.\n\n${smtpNote}`, [280, 580], 520, 340, 3);
	return f;
}

const TEMPLATES = [
	['01', intakeForm],
	['02', planForm],
	['03', contactForm],
	['04', referralForm],
	['05', closureForm],
	['06', reminders],
];

function loadProfile(id) {
	return JSON.parse(fs.readFileSync(path.join(root, 'districts', `${id}.json`), 'utf8'));
}

/** { 'workflows/<district>/<nn>-<name>.json': content } for every shipped district. */
function generateWorkflows() {
	const files = {};
	for (const district of DISTRICTS) {
		const profile = loadProfile(district);
		for (const [nn, template] of TEMPLATES) {
			const flow = template(profile);
			files[`workflows/${district}/${nn}-${flow.name}.json`] = `${JSON.stringify(flow.toJSON(), null, '\t')}\n`;
		}
	}
	return files;
}

module.exports = { generateWorkflows, workflowId, DISTRICTS, CASE_STORE_CREDENTIAL, SMTP_CREDENTIAL, FORM_LOGIN_CREDENTIAL, API_TOKEN_CREDENTIAL };
if (require.main === module) {
	for (const [rel, content] of Object.entries(generateWorkflows())) {
		fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
		fs.writeFileSync(path.join(root, rel), content);
	}
}
