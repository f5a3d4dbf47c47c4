/** Remembers "larger text" for people who are not signed in, or on a shared computer. */
export const TEXT_SIZE_COOKIE = 'omzien_text';
