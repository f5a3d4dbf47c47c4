import { addMessages, init, locale } from 'svelte-i18n';
import { messages } from './messages';
import { LANGUAGES } from './languages';

export { LANGUAGES, intlLocale, isLanguage, type Language } from './languages';
export const LANGUAGE_COOKIE = 'omzien_lang';

// Messages are bundled and registered synchronously, so server rendering never waits for them.
for (const language of LANGUAGES) addMessages(language, messages[language]);
init({ fallbackLocale: 'nl', initialLocale: 'nl' });

export { locale };
