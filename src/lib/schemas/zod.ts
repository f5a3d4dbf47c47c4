// Every schema takes z from here, so zod is told before the first schema is made not to compile
// parsers with new Function(): the Content-Security-Policy forbids eval, and even zod's check
// for it is reported as a violation in the browser.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
