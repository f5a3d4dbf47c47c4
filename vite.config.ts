import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5180, strictPort: true },
	build: {
		rollupOptions: {
			// typebox and zod-v3-to-json-schema (through superforms) import in circles; harmless noise.
			onwarn(warning, warn) {
				if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
			}
		}
	},
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/integration/global-setup.ts'],
					testTimeout: 20000,
					hookTimeout: 60000,
					fileParallelism: false
				}
			}
		]
	}
});
