// How the municipality answers initiatives, set by its administrator or a team lead at
// /gemeente/instellingen: per kind of ask the team (and per area where another team answers),
// the deadline in working days, what silence means, the refusal reasons and "ja, mits"
// templates; and its days off. The database decides who may change it (RLS:
// can_configure_initiatives), refuses a permit that silence would grant, and logs every change.
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { isBadInput, isNotAllowed } from '../db/errors';
import type { SessionUser } from '../auth/session';
import type { FieldRefusal } from '$lib/schemas/fields';
import {
	ASK_KINDS,
	REFUSAL_REASONS,
	templatesFromText,
	type AskKind,
	type CalendarInput,
	type KindSettingsInput
} from '$lib/schemas/initiatives';
import { NATIONAL_ONLY, type Calendar } from '$lib/initiatives/working-days';

/** Without a row the database uses these (send_initiative: 10 working days, escalate). */
const DEFAULTS = { team_id: null, working_days: 10, on_timeout: 'escalate' as const, max_amount: null, refusal_reasons: [...REFUSAL_REASONS], condition_templates: [] as string[] };

/**
 * The municipality this person may configure: one of their municipal teams' municipalities
 * where the database says they are its administrator or a team lead. Null when none.
 */
export async function configurableMunicipality(db: Db, user: SessionUser): Promise<{ id: string; name: string } | null> {
	const orgIds = user.roles.filter((r) => r.role === 'officer' || r.role === 'admin').map((r) => r.organisationId);
	if (orgIds.length === 0) return null;
	const teams = unwrap(await db.from('organisations').select('municipality_id, municipalities(name)').in('id', orgIds).eq('kind', 'municipal_team'));
	for (const team of teams) {
		if (unwrap(await db.rpc('can_configure_initiatives', { p_municipality: team.municipality_id })) === true) {
			return { id: team.municipality_id, name: team.municipalities?.name ?? '' };
		}
	}
	return null;
}

export type KindSettings = typeof DEFAULTS & { kind: AskKind; team_id: string | null; max_amount: number | null };

/** Everything the settings pages show: each kind (with the defaults where nothing is set), teams, areas, days off. */
export async function readInitiativeSettings(db: Db, municipalityId: string) {
	const [rows, teams, areas, areaTeams, calendar] = await Promise.all([
		db.from('initiative_ask_settings').select('kind, team_id, working_days, on_timeout, max_amount, refusal_reasons, condition_templates').eq('municipality_id', municipalityId).then(unwrap),
		db.from('organisations').select('id, name').eq('municipality_id', municipalityId).eq('kind', 'municipal_team').order('name').then(unwrap),
		db.from('areas').select('id, name').eq('municipality_id', municipalityId).order('name').then(unwrap),
		db.from('initiative_area_teams').select('area_id, kind, team_id').eq('municipality_id', municipalityId).then(unwrap),
		db.from('municipality_calendars').select('good_friday_off, liberation_day_every_year').eq('municipality_id', municipalityId).maybeSingle().then(unwrapMaybe)
	]);
	const kinds = ASK_KINDS.map((kind) => ({ ...DEFAULTS, ...rows.find((r) => r.kind === kind), kind }) as KindSettings);
	return { kinds, teams, areas, areaTeams, calendar: (calendar ?? NATIONAL_ONLY) as Calendar };
}

/** A kind's settings as the form shows them. */
export function kindForm(settings: Awaited<ReturnType<typeof readInitiativeSettings>>, kind: AskKind): KindSettingsInput {
	const k = settings.kinds.find((s) => s.kind === kind)!;
	return {
		team_id: k.team_id ?? '',
		working_days: k.working_days,
		on_timeout: k.on_timeout,
		max_amount: k.max_amount ? String(k.max_amount) : '',
		refusal_reasons: [...k.refusal_reasons],
		condition_templates: k.condition_templates.join('\n'),
		area_teams: settings.areas.map((a) => `${a.id}:${settings.areaTeams.find((t) => t.area_id === a.id && t.kind === kind)?.team_id ?? ''}`)
	};
}

/** What the database refused, next to the field it is about. */
function refusalOf(error: { code?: string; message?: string }): FieldRefusal {
	if (isNotAllowed(error)) return { status: 403, field: 'team_id', message: 'initiatives.settings.errors.not_allowed' };
	const text = error.message ?? '';
	if (text.includes('a_permit_is_never_granted_by_silence')) return { status: 400, field: 'on_timeout', message: 'initiatives.settings.errors.permit_silence' };
	if (text.includes('team')) return { status: 400, field: 'team_id', message: 'initiatives.settings.errors.team' };
	if (text.includes('condition_templates')) return { status: 400, field: 'condition_templates', message: 'initiatives.settings.errors.templates' };
	return { status: 400, field: 'working_days', message: 'initiatives.settings.errors.days' };
}

/**
 * Saves one kind's settings and its teams per area (an area without its own team goes back to
 * the kind's team). Null when saved; the settings row first, so a refusal leaves the areas as they were.
 */
export async function saveKindSettings(db: Db, municipalityId: string, kind: AskKind, input: KindSettingsInput): Promise<FieldRefusal | null> {
	const saved = await db.from('initiative_ask_settings').upsert(
		{
			municipality_id: municipalityId,
			kind,
			team_id: input.team_id || null,
			working_days: input.working_days,
			on_timeout: input.on_timeout,
			max_amount: kind === 'budget' && input.max_amount ? Number(input.max_amount) : null,
			refusal_reasons: input.refusal_reasons,
			condition_templates: templatesFromText(input.condition_templates)
		},
		{ onConflict: 'municipality_id,kind' }
	);
	if (saved.error && (isNotAllowed(saved.error) || isBadInput(saved.error))) return refusalOf(saved.error);
	if (saved.error) throw saved.error;

	const wanted = input.area_teams.map((v) => v.split(':') as [string, string]);
	const current = unwrap(await db.from('initiative_area_teams').select('area_id, team_id').eq('municipality_id', municipalityId).eq('kind', kind));
	const cleared = wanted.filter(([area, team]) => !team && current.some((c) => c.area_id === area)).map(([area]) => area);
	const changed = wanted.filter(([area, team]) => team && current.find((c) => c.area_id === area)?.team_id !== team);
	if (cleared.length) unwrap(await db.from('initiative_area_teams').delete().eq('kind', kind).in('area_id', cleared).select('area_id'));
	if (changed.length) {
		const put = await db.from('initiative_area_teams').upsert(changed.map(([area_id, team_id]) => ({ area_id, kind, team_id, municipality_id: municipalityId })), { onConflict: 'area_id,kind' });
		if (put.error && (isNotAllowed(put.error) || isBadInput(put.error))) return { status: 400, field: 'area_teams', message: 'initiatives.settings.errors.team' };
		if (put.error) throw put.error;
	}
	return null;
}

/** Saves the municipality's days off. Null when saved. */
export async function saveCalendar(db: Db, municipalityId: string, input: CalendarInput): Promise<FieldRefusal | null> {
	const saved = await db.from('municipality_calendars').upsert({ municipality_id: municipalityId, ...input }, { onConflict: 'municipality_id' });
	if (saved.error && isNotAllowed(saved.error)) return { status: 403, field: 'good_friday_off', message: 'initiatives.settings.errors.not_allowed' };
	if (saved.error) throw saved.error;
	return null;
}
