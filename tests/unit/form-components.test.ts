import { describe, expect, it } from 'vitest';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { Checkbox, CheckboxGrid, RadioGroup, Select, TextArea, TextField } from '../../src/lib/components/form';

// The field components as the server renders them, i.e. what a browser without JavaScript gets.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field component, with its own props
const html = <P extends Record<string, any>>(component: Component<P, any, any>, props: P) => render(component as Component<P>, { props }).body;
const attr = (body: string, tag: string, name: string) => new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(body)?.[1];

describe('a text field', () => {
	it('ties the label, the hint and the translated error to the input', () => {
		const body = html(TextField, {
			name: 'phone',
			label: 'Telefoonnummer',
			hint: 'Alleen cijfers.',
			errors: ['errors.phone_invalid'],
			value: 'bel me',
			type: 'tel',
			required: true
		});
		expect(body).toMatch(/<label[^>]*for="phone"/);
		expect(attr(body, 'input', 'aria-describedby')).toBe('phone-hint phone-error');
		expect(attr(body, 'input', 'aria-invalid')).toBe('true');
		expect(attr(body, 'input', 'value')).toBe('bel me');
		expect(attr(body, 'input', 'type')).toBe('tel');
		expect(body).toContain('id="phone-error"');
		expect(body).toContain('Dit telefoonnummer klopt niet.');
		expect(body).toMatch(/aria-live="polite"/);
		expect(body).toMatch(/aria-hidden="true"[^>]*>\(verplicht\)/);
	});

	it('without an error says nothing about one', () => {
		const body = html(TextField, { name: 'email', label: 'E-mail' });
		expect(body).not.toContain('aria-invalid');
		expect(body).not.toContain('aria-describedby');
		expect(body).not.toContain('verplicht');
	});
});

describe('the other fields', () => {
	it('a text area and a select carry the same label, hint and error', () => {
		const area = html(TextArea, { name: 'skills', label: 'Wat kunt u?', errors: ['errors.form'], value: 'klussen' });
		expect(attr(area, 'textarea', 'aria-describedby')).toBe('skills-error');
		expect(area).toMatch(/<textarea[^>]*>klussen<\/textarea>/);
		const select = html(Select, {
			name: 'area_id',
			label: 'Wijk',
			placeholder: 'Kies',
			options: [{ value: 'a', label: 'Noord' }],
			value: 'a',
			errors: ['errors.area_missing']
		});
		expect(attr(select, 'select', 'aria-invalid')).toBe('true');
		expect(select).toMatch(/<option value="a"[^>]*selected/);
		expect(select).toContain('Kies een wijk of dorp uit de lijst.');
	});

	it('a radio group is a radiogroup with its error, the chosen one checked', () => {
		const body = html(RadioGroup, {
			name: 'preferred_language',
			id: 'language',
			legend: 'Taal',
			options: [
				{ value: 'nl', label: 'Nederlands', lang: 'nl' },
				{ value: 'en', label: 'English', lang: 'en' }
			],
			value: 'en',
			errors: ['errors.language_missing']
		});
		expect(body).toMatch(/<fieldset[^>]*role="radiogroup"[^>]*aria-describedby="language-error"/);
		expect(body).toMatch(/<input[^>]*value="en"[^>]*checked/);
		expect(body).not.toMatch(/<input[^>]*value="nl"[^>]*checked/);
		expect(body).toContain('Kies een taal.');
	});

	it('a checkbox sits inside its label, so the whole row is the target', () => {
		const body = html(Checkbox, { name: 'mail', label: 'Stuur mij een mail', checked: true, errors: ['errors.form'] });
		expect(body).toMatch(/<label[^>]*for="mail"[^>]*>\s*<input[^>]*type="checkbox"/);
		expect(body).toMatch(/<input[^>]*checked/);
		expect(attr(body, 'input', 'aria-describedby')).toBe('mail-error');
	});

	it('a checkbox grid names each box by row and column and ticks the chosen values', () => {
		const body = html(CheckboxGrid, {
			name: 'slots',
			legend: 'Wanneer kunt u?',
			rows: [
				{ key: 'mon', label: 'ma' },
				{ key: 'tue', label: 'di' }
			],
			columns: [
				{ key: 'morning', label: 'ochtend' },
				{ key: 'evening', label: 'avond' }
			],
			valueOf: (r: number, c: number) => r * 2 + c,
			cellLabel: (r: number, c: number) => `${['maandag', 'dinsdag'][r]}${['ochtend', 'avond'][c]}`,
			group: [3]
		});
		expect(body.match(/type="checkbox"/g)).toHaveLength(4);
		expect(body).toMatch(/<input[^>]*value="3"[^>]*aria-label="dinsdagavond"[^>]*checked/);
		expect(body).not.toMatch(/<input[^>]*value="0"[^>]*checked/);
	});
});
