import type { IssuedInvitation } from "../../api/types";

/** Cards on one A4 sheet: three across, four down, each with room for a name, the code and the link. */
export const CARDS_PER_PAGE = 12;

/** The items cut into sheets of `perPage`, in order; the last sheet holds the rest. */
export function sheetPages<T>(items: readonly T[], perPage = CARDS_PER_PAGE): T[][] {
  const size = Math.max(1, Math.floor(perPage));
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages;
}

/** The link as a person types it from paper: without the scheme, nothing cut off. */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/+$/, "");
}

export interface SheetCard {
  id: number;
  /** The person's name; null for an anonymous link (or a name erased since). */
  name: string | null;
  /** 1, 2, 3… among the cards without a name, to tell them apart when handing them out. */
  anonymousNo: number | null;
  url: string;
  short: string;
}

/** One card per issued link, people first by name as the service listed them, then the anonymous. */
export function sheetCards(items: readonly IssuedInvitation[]): SheetCard[] {
  let anonymous = 0;
  return items.map((item) => {
    const name = item.name?.trim() || null;
    return {
      id: item.id,
      name,
      anonymousNo: name ? null : ++anonymous,
      url: item.url,
      short: shortLink(item.url),
    };
  });
}
