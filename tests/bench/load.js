// One load generator in a process of its own (so two of them do not share one event loop):
// `node load.js '<json of {url, options}>'` prints the result of measure() with every time.
import { measure } from './lib.js';

const { url, options } = JSON.parse(process.argv[2]);
const result = await measure(url, { ...options, keepTimes: true });
process.stdout.write(JSON.stringify(result));
