/* global Formio, flatpickr */
// Boot script of the case form page (served by the Case Form Trigger as `?asset=case-form.js`).
// Runs under a strict CSP (no eval, no inline script) and inside n8n's HTML sandbox (opaque origin).
(function () {
	'use strict';
	var boot = JSON.parse(document.getElementById('case-form-boot').textContent);
	var formElement = document.getElementById('case-form');
	var resultElement = document.getElementById('case-form-result');

	// 1. No eval: conditions in our forms are JSONLogic only; string JavaScript would be ignored.
	Formio.Evaluator.noeval = true;

	// 2. No CDN: every library Form.io loads lazily is asked from this page's own URL (`?asset=cdn/<lib>/…`).
	//    flatpickr and its German locale are already loaded by <script> tags; Form.io's loader looks for
	//    window.flatpickr and window['flatpickr-de'] and, when present, fetches nothing.
	Formio.cdn.setBaseUrl('?asset=cdn');
	window['flatpickr-de'] = flatpickr.l10ns.de;
	flatpickr.localize(flatpickr.l10ns.de);

	// 3. n8n's HTML sandbox gives the page an opaque origin: localStorage and document.cookie throw.
	//    Form.io reads its (unused) login token from there on every condition, so answer "no token" instead.
	var storageWorks = true;
	try {
		window.localStorage.getItem('case-form');
	} catch (e) {
		storageWorks = false;
	}
	if (!storageWorks) {
		Formio.getToken = function () {
			return '';
		};
		Formio.getUser = function () {
			return null;
		};
		Formio.setToken = function () {};
		Formio.setUser = function () {};
	}

	/** The JSON of a value at a Form.io data path (`consent.purposes`, `household[1].birthDate`). */
	function jsonAt(data, path) {
		var value = data;
		String(path)
			.replace(/\[(\d+)\]/g, '.$1')
			.split('.')
			.forEach(function (key) {
				value = value === undefined || value === null ? undefined : value[key];
			});
		return JSON.stringify(value === undefined ? null : value);
	}

	function toFormioErrors(errors) {
		return errors.map(function (e) {
			var error = {
				message: e.path ? e.message : e.field + ': ' + e.message,
				level: 'error',
				fromServer: true,
			};
			if (e.path) error.path = e.path;
			return error;
		});
	}

	// The body is form-encoded (a "simple" request): no CORS preflight is needed from the sandbox's opaque origin.
	function post(data) {
		var body = new URLSearchParams();
		body.set('payload', JSON.stringify({ data: data, submissionId: boot.submissionId }));
		// The session's request token: the sandboxed page sends no cookie with this request.
		if (boot.csrfToken) body.set('csrf', boot.csrfToken);
		return fetch(window.location.href, { method: 'POST', body: body, credentials: 'include' }).then(
			function (response) {
				return response.json().then(
					function (json) {
						return { status: response.status, body: json };
					},
					function () {
						return { status: response.status, body: {} };
					},
				);
			},
		);
	}

	// Links to the workplace pages in the same folder (`fall`, `faelle`): back to the case after saving.
	function link(text, href, id, primary) {
		var a = document.createElement('a');
		a.className = 'btn me-2 ' + (primary ? 'btn-primary' : 'btn-outline-primary');
		a.href = href;
		a.id = id;
		a.textContent = text;
		return a;
	}

	function showDone(message, caseId) {
		formElement.hidden = true;
		var box = document.createElement('div');
		box.className = 'alert alert-success';
		box.id = 'case-form-done';
		box.setAttribute('role', 'status');
		box.textContent = message;
		var links = document.createElement('div');
		links.className = 'mt-3';
		if (caseId)
			links.appendChild(
				link('Zur Fallakte', 'fall?case=' + encodeURIComponent(caseId), 'to-case', true),
			);
		links.appendChild(link('Meine Fälle', 'faelle', 'to-cases', !caseId));
		box.appendChild(links);
		var again = document.createElement('button');
		again.type = 'button';
		again.className = 'btn btn-outline-secondary mt-3 d-block';
		again.textContent = 'Neues Formular';
		again.addEventListener('click', function () {
			window.location.reload();
		});
		box.appendChild(again);
		resultElement.appendChild(box);
	}

	Formio.createForm(formElement, boot.form, {
		language: 'de',
		i18n: { language: 'de', de: boot.i18n },
		hooks: {
			// Runs when the browser's own checks passed; the server checks with the schemas and stores.
			customValidation: function (submission, next) {
				var form = this;
				post(submission.data).then(
					function (res) {
						if (res.status === 200) {
							window.caseFormResult = res.body;
							next();
							showDone(res.body.message, res.body.caseNumber || res.body.caseId);
							return;
						}
						if (res.status === 422 && res.body.errors) {
							var errors = toFormioErrors(res.body.errors);
							// Registered as server errors so that the next submit clears them.
							form.serverErrors = errors;
							form.refusedData = submission.data;
							next(errors);
							return;
						}
						next(res.body.message || 'Speichern nicht möglich (HTTP ' + res.status + ').');
					},
					function () {
						next(
							'Keine Verbindung zum Server. Bitte erneut versuchen; die Eingaben bleiben erhalten.',
						);
					},
				);
			},
		},
	}).then(function (form) {
		if (boot.data) form.submission = { data: boot.data };
		// A server message disappears as soon as its field gets another value than the refused one; a late change
		// event that still carries the refused value (select boxes report clicks made just before the submit) keeps it.
		form.on('change', function (event, flags) {
			var changed = flags && flags.changed && flags.changed.instance;
			if (!changed || !changed.serverErrors || !changed.serverErrors.length) return;
			var value = JSON.stringify(changed.dataValue === undefined ? null : changed.dataValue);
			if (form.refusedData && value === jsonAt(form.refusedData, changed.path)) return;
			changed.serverErrors = [];
			changed.setCustomValidity([], true);
		});
		window.caseForm = form;
		document.body.setAttribute('data-case-form', 'ready');
	});
})();
