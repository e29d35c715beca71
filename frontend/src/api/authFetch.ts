// A fetch that signs every API request with the access token and keeps that token fresh:
// it refreshes shortly before expiry and once more on a 401, with a single refresh in
// flight at a time, because the refresh token rotates and a second concurrent refresh
// would present an already spent token and end the session.
import type { Session, SessionStore } from "../app/session";
import type { TokenPair } from "./types";

/** Refresh this long before the access token expires, to absorb clock skew and latency. */
const EXPIRY_MARGIN_MS = 30_000;
const UNSIGNED_PATHS = ["/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout"];

export interface AuthFetchOptions {
  store: SessionStore;
  /** Exchanges a refresh token for a new pair; resolves to null when the token is refused. */
  refresh: (refreshToken: string) => Promise<TokenPair | null>;
  baseFetch?: (request: Request) => Promise<Response>;
  now?: () => number;
}

export function createAuthFetch({ store, refresh, baseFetch = (r) => fetch(r), now = Date.now }: AuthFetchOptions) {
  let inFlight: Promise<Session | null> | null = null;

  function refreshOnce(): Promise<Session | null> {
    if (inFlight) return inFlight;
    const current = store.get();
    if (!current) return Promise.resolve(null);
    inFlight = refresh(current.refreshToken)
      .then((pair) => {
        if (pair) return store.save(pair);
        store.clear();
        return null;
      })
      .catch(() => {
        // A network failure is not a refused token: keep the session and let the caller fail.
        return store.get();
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  async function freshSession(): Promise<Session | null> {
    const session = store.get();
    if (session && session.expiresAt - now() < EXPIRY_MARGIN_MS) return refreshOnce();
    return session;
  }

  function signed(request: Request, session: Session | null): Request {
    const copy = new Request(request);
    if (session) copy.headers.set("Authorization", `Bearer ${session.accessToken}`);
    return copy;
  }

  return async function authFetch(request: Request): Promise<Response> {
    if (UNSIGNED_PATHS.includes(new URL(request.url).pathname)) return baseFetch(request);

    // Keep an unread copy: the first attempt consumes the body, a retry needs it again.
    const spare = request.clone();
    const session = await freshSession();
    const response = await baseFetch(signed(request, session));
    if (response.status !== 401 || !session) return response;

    // Another request may already have refreshed while this one was on the wire.
    const latest = store.get();
    const renewed = latest && latest.accessToken !== session.accessToken ? latest : await refreshOnce();
    if (!renewed || renewed.accessToken === session.accessToken) {
      store.clear();
      return response;
    }
    return baseFetch(signed(spare, renewed));
  };
}
