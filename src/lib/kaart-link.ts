// A link into "Waar kan ik terecht?" (the sociale kaart) with a topic and an area already chosen.
// Pages of any domain use it: it is an address, not an import of the kaart's code.

/** The kaart's topic nearest to each kind of help. */
const TOPIC_OF_HELP_CATEGORY: Record<string, string> = {
	odd_jobs: 'home',
	garden: 'home',
	buddy: 'company',
	ride: 'transport',
	groceries: 'food',
	paperwork: 'money',
	lending: 'health'
};

export function kaartLink({ topic, area }: { topic?: string | null; area?: string | null }): string {
	const params = new URLSearchParams();
	if (topic) params.set('topic', topic);
	if (area) params.set('area', area);
	const query = params.toString();
	return query ? `/kaart?${query}` : '/kaart';
}

/** Where to look for organisations that help with this kind of help, in this area. */
export function kaartLinkForHelp(categoryId: string | null | undefined, areaId: string | null | undefined): string {
	return kaartLink({ topic: categoryId ? TOPIC_OF_HELP_CATEGORY[categoryId] : null, area: areaId });
}
