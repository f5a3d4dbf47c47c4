// Form fields: label, hint and error (an i18n key) next to the control, large targets.
export { default as TextField } from './TextField.svelte';
export { default as TextArea } from './TextArea.svelte';
export { default as Select } from './Select.svelte';
export { default as RadioGroup } from './RadioGroup.svelte';
export { default as Checkbox } from './Checkbox.svelte';
export { default as CheckboxGrid } from './CheckboxGrid.svelte';
export type { FieldErrors, Option } from './field';
export { default as SendAnyway } from './SendAnyway.svelte';
