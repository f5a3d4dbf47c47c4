// Components import the translation stores from here, so the messages are always registered.
export { locale } from './index';
export { _, date, number } from 'svelte-i18n';
