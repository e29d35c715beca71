// The school website's public feed, read as a stranger's browser reads it: unsigned, so the
// preview shows exactly what the public gets.
import { useQuery } from "@tanstack/react-query";
import createClient from "openapi-fetch";
import { unwrap } from "./problem";
import type { paths } from "./schema";
import type { ResponseOf } from "./types";

export type SchoolFeed = ResponseOf<"/api/v1/public/schools/{slug}", "get">;
export type FeedFigure = SchoolFeed["figures"]["mentors"];

const baseUrl = typeof window === "undefined" ? "http://localhost" : window.location.origin;

const publicApi = createClient<paths>({ baseUrl });

export const schoolFeedKey = (slug: string) => ["school-feed", slug] as const;

/** The feed, or null while the school has nothing published (the service's one 404). */
export async function loadSchoolFeed(slug: string): Promise<SchoolFeed | null> {
  const result = await publicApi.GET("/api/v1/public/schools/{slug}", { params: { path: { slug } } });
  if (result.response.status === 404) return null;
  return unwrap(result);
}

export function useSchoolFeed(slug: string | null) {
  return useQuery({
    queryKey: schoolFeedKey(slug ?? ""),
    enabled: slug !== null,
    queryFn: () => loadSchoolFeed(slug!),
  });
}
