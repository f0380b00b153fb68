// Steps through the intake wizard (Form.io) as a manager does in the browser: the e2e suites and the browser suites.
import type { Locator } from 'playwright-core';

/** Types a date into a Form.io date field the way a manager does (dd.MM.yyyy, then Tab). */
export async function typeDate(field: Locator, germanText: string) {
	const input = field.locator('input.form-control:not([type="hidden"])').first();
	await input.click();
	await input.fill('');
	await input.pressSequentially(germanText);
	await input.press('Tab');
}

/** The wizard's first page: a woman from Waldkirch, born 14.06.1988, German A2. */
export async function fillPersonPage(form: Locator, firstName: string, lastName: string) {
	await form
		.locator('select[name="data[municipality]"]')
		.selectOption({ label: 'Waldkirch, Stadt' });
	await form.locator('input[name="data[person][firstName]"]').fill(firstName);
	await form.locator('input[name="data[person][lastName]"]').fill(lastName);
	await typeDate(
		form.locator('.formio-component-person .formio-component-birthDate'),
		'14.06.1988',
	);
	await form.locator('.formio-component-gender').getByText('weiblich', { exact: true }).click();
	await form.locator('select[name="data[person][germanLevel]"]').selectOption({ label: 'A2' });
}
