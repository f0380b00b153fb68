/**
 * German texts for the form page, merged over the German table that @formio/js 5 ships
 * (lib/cjs/translations/de.js, 77 keys). Here: the strings Form.io ships only in English that our forms
 * can show (grids, selects, wizard), and our own wording where the shipped German is clumsy.
 */
export const formioGerman: Record<string, string> = {
	// Wizard and buttons
	submit: 'Speichern',
	next: 'Weiter',
	previous: 'Zurück',
	cancel: 'Abbrechen',
	confirmCancel: 'Wirklich abbrechen? Die Eingaben gehen verloren.',
	submitButtonAriaLabel: 'Speichern',
	complete: 'Gespeichert',
	error: 'Bitte korrigieren Sie die markierten Angaben.',
	submitError: 'Bitte überprüfen Sie das Formular und korrigieren Sie alle markierten Angaben.',
	// Validation in the browser (the server checks again with the schemas and answers in the same words)
	required: '{{field}}: Bitte ausfüllen.',
	invalid_date: '{{field}}: Bitte ein gültiges Datum angeben (TT.MM.JJJJ).',
	invalidDate: '{{field}}: Bitte ein gültiges Datum angeben (TT.MM.JJJJ).',
	invalid_email: '{{field}}: Bitte eine gültige E-Mail-Adresse angeben.',
	pattern: '{{field}} hat nicht das erwartete Format.',
	number: '{{field}}: Bitte eine Zahl angeben.',
	min: '{{field}}: Der Wert muss mindestens {{min}} sein.',
	max: '{{field}}: Der Wert darf höchstens {{max}} sein.',
	minLength: '{{field}}: Bitte mindestens {{length}} Zeichen bzw. Einträge angeben.',
	maxLength: '{{field}}: Höchstens {{length}} Zeichen bzw. Einträge sind möglich.',
	minSelectedCount: '{{field}}: Bitte mindestens {{minCount}} auswählen.',
	maxSelectedCount: '{{field}}: Höchstens {{maxCount}} auswählbar.',
	// Component texts shipped only in English
	addAnother: 'Weitere hinzufügen',
	add: 'Hinzufügen',
	remove: 'Entfernen',
	delete: 'Löschen',
	edit: 'Bearbeiten',
	save: 'Speichern',
	close: 'Schließen',
	clear: 'Leeren',
	yes: 'Ja',
	no: 'Nein',
	loading: 'Wird geladen …',
	success: 'Gespeichert',
	noResultsFound: 'Keine Treffer',
	noMatchesFound: 'Keine Treffer',
	noChoices: 'Keine Auswahl möglich',
	typeToSearch: 'Zum Suchen tippen',
	maxSelectItems: 'Höchstens {{maxCount}} auswählbar',
	minSelectItems: 'Bitte mindestens {{minCount}} auswählen',
	formNotReady: 'Das Formular ist noch nicht bereit. Bitte kurz warten.',
	requestAborted: 'Die Übermittlung wurde abgebrochen.',
};
