// What every field component shares: errors are i18n keys, and the hint and the error are
// tied to the control with aria-describedby.

/** Errors of one field as superforms gives them ($errors.name): i18n keys, the first is shown. */
export type FieldErrors = string[] | undefined;

/** Values for placeholders in an error message, e.g. { tries: 4 }. */
export type ErrorValues = Record<string, string | number>;

export type Option = { value: string; label: string; lang?: string; hint?: string };

/** The props every labelled field takes; the id is the name unless given. */
export type FieldProps = {
	name: string;
	id?: string;
	label: string;
	hint?: string;
	errors?: FieldErrors;
	errorValues?: ErrorValues;
	required?: boolean;
};

/** The ids a control is described by: its hint first, then its error (only while there is one). */
export function describedBy(id: string, hint: string | undefined, invalid: boolean): string | undefined {
	return [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** The props of a group of controls under one question (a fieldset with a legend). */
export type FieldsetProps = Omit<FieldProps, 'label'> & { legend: string };
