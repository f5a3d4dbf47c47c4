import type { TestProject } from 'vitest/node';
import { startTestStack } from '../support/stack';

declare module 'vitest' {
	export interface ProvidedContext {
		stackEnv: Record<string, string>;
	}
}

/** One local stack for the whole integration run, on free ports with a fresh database. */
export default async function setup(project: TestProject) {
	const stack = await startTestStack('integration');
	project.provide('stackEnv', stack.env);
	return () => stack.stop();
}
