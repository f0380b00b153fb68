// Script of the workplace pages (served by the Case Form Trigger as `?asset=workplace.js`): the page's CSP allows
// scripts from this URL only, no inline script. A button marked `data-print` (a plan version) prints the page; it
// stays hidden where this script does not run.
(function () {
	'use strict';
	var buttons = document.querySelectorAll('[data-print]');
	for (var i = 0; i < buttons.length; i++) {
		buttons[i].hidden = false;
		buttons[i].addEventListener('click', function () {
			window.print();
		});
	}
})();
