import { describe, expect, it, vi } from "vitest";
import { SessionStore } from "../app/session";
import { createAuthFetch } from "./authFetch";
import type { TokenPair } from "./types";

const NOW = 1_000_000;

function pair(n: number, expiresIn = 900): TokenPair {
  return { access_token: `access-${n}`, refresh_token: `refresh-${n}`, token_type: "Bearer", expires_in: expiresIn };
}

function setup(initial = pair(1)) {
  const store = new SessionStore(null, "test", () => NOW);
  store.save(initial);
  const server = vi.fn(async (request: Request) => {
    const token = request.headers.get("Authorization");
    const body = request.method === "POST" ? await request.text() : "";
    return new Response(JSON.stringify({ token, body }), { status: token === "Bearer access-1" ? 401 : 200 });
  });
  let issued = 1;
  const refresh = vi.fn(async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return pair(++issued);
  });
  const authFetch = createAuthFetch({ store, refresh, baseFetch: server, now: () => NOW });
  return { store, server, refresh, authFetch };
}

describe("authFetch", () => {
  it("signs requests with the access token", async () => {
    const { authFetch, server } = setup(pair(7));
    const response = await authFetch(new Request("http://test/api/v1/me"));
    expect(response.status).toBe(200);
    expect(server.mock.calls[0][0].headers.get("Authorization")).toBe("Bearer access-7");
  });

  it("refreshes once for concurrent 401s and retries each request with its body", async () => {
    const { authFetch, refresh, store } = setup();
    const responses = await Promise.all(
      [1, 2, 3].map((n) => authFetch(new Request("http://test/api/v1/users", { method: "POST", body: `body-${n}` }))),
    );
    expect(refresh).toHaveBeenCalledTimes(1);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.map((b) => b.body)).toEqual(["body-1", "body-2", "body-3"]);
    expect(bodies.every((b) => b.token === "Bearer access-2")).toBe(true);
    expect(store.get()?.refreshToken).toBe("refresh-2");
  });

  it("refreshes before sending when the access token is about to expire", async () => {
    const { authFetch, refresh, server } = setup(pair(5, 10));
    await authFetch(new Request("http://test/api/v1/me"));
    expect(refresh).toHaveBeenCalledWith("refresh-5");
    expect(server.mock.calls[0][0].headers.get("Authorization")).toBe("Bearer access-2");
  });

  it("ends the session when the refresh token is refused", async () => {
    const { store, server } = setup();
    const authFetch = createAuthFetch({ store, refresh: async () => null, baseFetch: server, now: () => NOW });
    const response = await authFetch(new Request("http://test/api/v1/me"));
    expect(response.status).toBe(401);
    expect(store.get()).toBeNull();
  });

  it("leaves the login endpoint unsigned", async () => {
    const { authFetch, server } = setup(pair(3));
    await authFetch(new Request("http://test/api/v1/auth/login", { method: "POST", body: "{}" }));
    expect(server.mock.calls[0][0].headers.get("Authorization")).toBeNull();
  });
});
