// The one API client of the SPA: openapi-fetch typed by the generated schema, signing its
// requests through authFetch.
import createClient from "openapi-fetch";
import { sessionStore } from "../app/session";
import { createAuthFetch } from "./authFetch";
import type { paths } from "./schema";
import type { TokenPair } from "./types";

const baseUrl = typeof window === "undefined" ? "http://localhost" : window.location.origin;

async function refreshTokens(refreshToken: string): Promise<TokenPair | null> {
  const response = await fetch(`${baseUrl}/api/v1/auth/refresh`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
  if (response.ok) return (await response.json()) as TokenPair;
  if (response.status === 401 || response.status === 400 || response.status === 422) return null;
  throw new Error(`refresh failed with HTTP ${response.status}`);
}

const signedFetch = createAuthFetch({ store: sessionStore, refresh: refreshTokens });

export const api = createClient<paths>({ baseUrl, fetch: signedFetch });

/** A signed request outside the typed client: raw file bodies and file downloads. */
export function apiFetch(path: string, init?: RequestInit): Promise<Response> {
  return signedFetch(new Request(`${baseUrl}${path}`, init));
}
