export const DATABASE: string;
export class StackError extends Error {}
/** The PostgreSQL major versions Omzien is tested on. */
export const SUPPORTED_MAJORS: number[];
export type JwtKey = { secret?: string; jwk?: string };
export type StackOptions = {
	dataDir: string;
	pgPort: number;
	restPort: number;
	apiPort: number;
	pgPassword: string;
	jwtKey: JwtKey;
	seed?: boolean;
	/** The PostgreSQL major version (15, 17 or 18). Default: OMZIEN_PG_MAJOR, else [db] major_version in supabase/config.toml. */
	pgMajor?: number;
	/** Default: supabase/migrations. */
	migrationsDir?: string;
	log?: (message: string) => void;
};
export type Stack = {
	dbUrl: string;
	apiUrl: string;
	/** PostgREST itself, without the /rest/v1 gateway. */
	restUrl: string;
	anonKey: string;
	serviceKey: string;
	isNew: boolean;
	pgMajor: number;
	stop: () => Promise<void>;
};
export function findFreePort(): Promise<number>;
export function assertPortFree(port: number, what: string, envName: string): Promise<void>;
export function locateError(sql: string, position: string | number | undefined): { line: number; statement: string };
export function signRoleKey(jwtKey: JwtKey, role: string): Promise<string>;
export function postgrestJwtSecret(jwtKey: JwtKey): Promise<string>;
export function generateEs256Jwk(): Promise<string>;
export function startStack(options: StackOptions): Promise<Stack>;
export function waitFor(url: string, timeoutMs: number, isAlive?: () => boolean): Promise<boolean>;
export function stopChild(child: import('node:child_process').ChildProcess, graceMs?: number): Promise<void>;
export type SupabaseConfig = {
	apiPort: number;
	dbPort: number;
	majorVersion: number;
	schemas: string[];
	extraSearchPath: string[];
	maxRows: number | null;
	seedFiles: string[];
};
export function readSupabaseConfig(file?: string): SupabaseConfig;
export function buildSite(outDir?: string): boolean;
/** build/, or OMZIEN_BUILD_DIR. */
export function siteBuildDir(): string;
