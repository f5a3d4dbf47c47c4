// Pictograms from Tabler Icons (MIT). Add a name here to use it with <Icon name="…" />.
import home from '@tabler/icons/outline/home.svg?raw';
import user from '@tabler/icons/outline/user.svg?raw';
import login from '@tabler/icons/outline/login.svg?raw';
import logout from '@tabler/icons/outline/logout.svg?raw';
import mail from '@tabler/icons/outline/mail.svg?raw';
import language from '@tabler/icons/outline/language.svg?raw';
import volume from '@tabler/icons/outline/volume.svg?raw';
import playerStop from '@tabler/icons/outline/player-stop.svg?raw';
import users from '@tabler/icons/outline/users.svg?raw';
import userPlus from '@tabler/icons/outline/user-plus.svg?raw';
import heartHandshake from '@tabler/icons/outline/heart-handshake.svg?raw';
import mapPin from '@tabler/icons/outline/map-pin.svg?raw';
import textSize from '@tabler/icons/outline/text-size.svg?raw';
import alertCircle from '@tabler/icons/outline/alert-circle.svg?raw';
import circleCheck from '@tabler/icons/outline/circle-check.svg?raw';
import accessible from '@tabler/icons/outline/accessible.svg?raw';
import tool from '@tabler/icons/outline/tool.svg?raw';
import friends from '@tabler/icons/outline/friends.svg?raw';
import bus from '@tabler/icons/outline/bus.svg?raw';
import shoppingCart from '@tabler/icons/outline/shopping-cart.svg?raw';
import plant from '@tabler/icons/outline/plant.svg?raw';
import mailOpened from '@tabler/icons/outline/mail-opened.svg?raw';
import wheelchair from '@tabler/icons/outline/wheelchair.svg?raw';
import bell from '@tabler/icons/outline/bell.svg?raw';
import messageCircle from '@tabler/icons/outline/message-circle.svg?raw';
import flag from '@tabler/icons/outline/flag.svg?raw';
import handStop from '@tabler/icons/outline/hand-stop.svg?raw';
import arrowLeft from '@tabler/icons/outline/arrow-left.svg?raw';
import arrowRight from '@tabler/icons/outline/arrow-right.svg?raw';
import send from '@tabler/icons/outline/send.svg?raw';
import phone from '@tabler/icons/outline/phone.svg?raw';
import microphone from '@tabler/icons/outline/microphone.svg?raw';
import listSearch from '@tabler/icons/outline/list-search.svg?raw';
import clock from '@tabler/icons/outline/clock.svg?raw';
import buildingCommunity from '@tabler/icons/outline/building-community.svg?raw';
import hourglass from '@tabler/icons/outline/hourglass.svg?raw';
import bulb from '@tabler/icons/outline/bulb.svg?raw';
import coin from '@tabler/icons/outline/coin.svg?raw';
import fileCertificate from '@tabler/icons/outline/file-certificate.svg?raw';
import packageIcon from '@tabler/icons/outline/package.svg?raw';
import checklist from '@tabler/icons/outline/checklist.svg?raw';
import addressBook from '@tabler/icons/outline/address-book.svg?raw';
import chartBar from '@tabler/icons/outline/chart-bar.svg?raw';
import key from '@tabler/icons/outline/key.svg?raw';
import download from '@tabler/icons/outline/download.svg?raw';
import gift from '@tabler/icons/outline/gift.svg?raw';

const raw = {
	home, user, login, logout, mail, language, volume, 'player-stop': playerStop, users,
	'user-plus': userPlus, 'heart-handshake': heartHandshake, 'map-pin': mapPin,
	'text-size': textSize, 'alert-circle': alertCircle, 'circle-check': circleCheck, accessible,
	tool, friends, bus, 'shopping-cart': shoppingCart, plant, 'mail-opened': mailOpened, wheelchair, bell,
	'message-circle': messageCircle, flag, 'hand-stop': handStop, 'arrow-left': arrowLeft, 'arrow-right': arrowRight, send, phone, microphone,
	'list-search': listSearch, clock, 'building-community': buildingCommunity, hourglass,
	bulb, coin, 'file-certificate': fileCertificate, package: packageIcon, checklist, 'address-book': addressBook, 'chart-bar': chartBar,
	key, download, gift
};

export type IconName = keyof typeof raw;

/** The inner SVG markup only; <Icon> draws the <svg> element itself. */
export const iconPaths = Object.fromEntries(
	Object.entries(raw).map(([name, svg]) => [name, svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')])
) as Record<IconName, string>;
