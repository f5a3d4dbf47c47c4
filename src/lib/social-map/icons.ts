// Pictograms of the kaart's topics and routes (Tabler Icons, MIT). Topics name their icon in
// public.map_topics.icon; an unknown name falls back to the map pin.
import toolsKitchen2 from '@tabler/icons/outline/tools-kitchen-2.svg?raw';
import coinEuro from '@tabler/icons/outline/coin-euro.svg?raw';
import usersGroup from '@tabler/icons/outline/users-group.svg?raw';
import bus from '@tabler/icons/outline/bus.svg?raw';
import stethoscope from '@tabler/icons/outline/stethoscope.svg?raw';
import heartHandshake from '@tabler/icons/outline/heart-handshake.svg?raw';
import home from '@tabler/icons/outline/home.svg?raw';
import language from '@tabler/icons/outline/language.svg?raw';
import babyCarriage from '@tabler/icons/outline/baby-carriage.svg?raw';
import tool from '@tabler/icons/outline/tool.svg?raw';
import mapPin from '@tabler/icons/outline/map-pin.svg?raw';
import map2 from '@tabler/icons/outline/map-2.svg?raw';
import search from '@tabler/icons/outline/search.svg?raw';
import flagQuestion from '@tabler/icons/outline/flag-question.svg?raw';
import alertTriangle from '@tabler/icons/outline/alert-triangle.svg?raw';
import circleCheck from '@tabler/icons/outline/circle-check.svg?raw';
import world from '@tabler/icons/outline/world.svg?raw';
import accessible from '@tabler/icons/outline/accessible.svg?raw';

const raw: Record<string, string> = {
	'tools-kitchen-2': toolsKitchen2, 'coin-euro': coinEuro, 'users-group': usersGroup, bus, stethoscope,
	'heart-handshake': heartHandshake, home, language, 'baby-carriage': babyCarriage, tool, 'map-pin': mapPin,
	'map-2': map2, search, 'flag-question': flagQuestion, 'alert-triangle': alertTriangle, 'circle-check': circleCheck,
	world, accessible
};

/** The inner SVG markup of a pictogram, for <MapIcon>. */
export function mapIconPaths(name: string): string {
	const svg = raw[name] ?? raw['map-pin'];
	return svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
}
