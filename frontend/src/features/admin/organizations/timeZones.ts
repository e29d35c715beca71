/** Russia's IANA time zones, west to east: a school's "today" is its own. */
export const RUSSIAN_TIME_ZONES = [
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Volgograd",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Novosibirsk",
  "Asia/Krasnoyarsk",
  "Asia/Irkutsk",
  "Asia/Yakutsk",
  "Asia/Vladivostok",
  "Asia/Magadan",
  "Asia/Kamchatka",
];

export function timeZoneOptions(current?: string | null): string[] {
  return current && !RUSSIAN_TIME_ZONES.includes(current) ? [current, ...RUSSIAN_TIME_ZONES] : RUSSIAN_TIME_ZONES;
}
