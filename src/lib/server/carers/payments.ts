// Carers: the payment list for the municipality's finance system. Approved money that is not yet
// paid, one line each: IBAN, name on the account, amount in euros, a reference. Written with
// csv-stringify (quotes and line breaks escaped by the library; a cell that starts with = + - @,
// a tab or a carriage return gets a leading ' so a spreadsheet never runs it as a formula).
// Officers only (RLS on the applications and bank accounts); each download is logged.
import { stringify } from 'csv-stringify/sync';
import { unwrap, unwrapMaybe, type Db } from '../db/clients';
import { logAction } from '../audit';

export type PaymentLine = { iban: string; name: string; amountCents: number; reference: string };

/** A reference the finance system and the carer's bank statement can show: MZ, the year, the start of the id. */
export function paymentReference(year: number, applicationId: string): string {
	return `MZ${year}-${applicationId.slice(0, 8).toUpperCase()}`;
}

/** Euros with a decimal point and two decimals (what finance systems read): 150.00. */
export function eurosForFinance(cents: number): string {
	return (cents / 100).toFixed(2);
}

/** The lines as CSV: a header, then one line per payment; semicolons, as Dutch spreadsheets expect. */
export function paymentCsv(lines: PaymentLine[]): string {
	return stringify(
		lines.map((l) => [l.iban, l.name, eurosForFinance(l.amountCents), l.reference]),
		{ header: true, columns: ['iban', 'naam', 'bedrag', 'kenmerk'], delimiter: ';', escape_formulas: true, record_delimiter: 'windows', bom: true }
	);
}

/** The approved, unpaid money of a year, oldest approval first; none from a budget not yet divided. */
export async function paymentLines(db: Db, municipalityId: string, year: number): Promise<PaymentLine[]> {
	const rows = unwrap(
		await db
			.from('carer_applications')
			.select('id, decided_at, carer_bank_accounts(iban, account_holder)')
			.eq('municipality_id', municipalityId)
			.eq('year', year)
			.eq('status', 'approved')
			.eq('payout', 'money')
			.is('paid_at', null)
			.order('decided_at')
	);
	if (rows.length === 0) return [];
	// A budget is paid only once it is divided: before that, a share would change with every approval.
	const settings = unwrapMaybe(await db.from('carer_settings').select('budget_cents, divided_cents').eq('municipality_id', municipalityId).eq('year', year).maybeSingle());
	if (settings?.budget_cents && !settings.divided_cents) return [];
	const amount = unwrap(await db.rpc('carer_amount', { p_municipality: municipalityId, p_year: year })) as number;
	return rows
		.filter((r) => r.carer_bank_accounts)
		.map((r) => ({ iban: r.carer_bank_accounts!.iban, name: r.carer_bank_accounts!.account_holder, amountCents: amount, reference: paymentReference(year, r.id) }));
}

/** The officer's download: the CSV and its file name. Logged, since it carries bank accounts. */
export async function paymentExport(db: Db, officerId: string, municipalityId: string, year: number) {
	const lines = await paymentLines(db, municipalityId, year);
	await logAction('carer.payment_list', officerId, { year, lines: lines.length });
	return { csv: paymentCsv(lines), filename: `betaallijst-mantelzorg-${year}.csv`, count: lines.length };
}
