// The signed-in session: the token pair and when the access token expires. Kept in
// localStorage so that a reload or a second tab stays signed in; the refresh token rotates
// on every refresh, so what is stored is always the newest one.
import type { TokenPair } from "../api/types";

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
}

type Listener = () => void;

export class SessionStore {
  private session: Session | null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: Storage | null,
    private readonly key = "nastavnik.session",
    private readonly now: () => number = Date.now,
  ) {
    this.session = this.read();
  }

  get = (): Session | null => this.session;

  save(pair: TokenPair): Session {
    const session = {
      accessToken: pair.access_token,
      refreshToken: pair.refresh_token,
      expiresAt: this.now() + pair.expires_in * 1000,
    };
    this.session = session;
    this.storage?.setItem(this.key, JSON.stringify(session));
    this.emit();
    return session;
  }

  clear(): void {
    if (this.session === null) return;
    this.session = null;
    this.storage?.removeItem(this.key);
    this.emit();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit() {
    this.listeners.forEach((listener) => listener());
  }

  private read(): Session | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<Session>;
      if (typeof parsed.accessToken !== "string" || typeof parsed.refreshToken !== "string") return null;
      return { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken, expiresAt: Number(parsed.expiresAt) || 0 };
    } catch {
      return null;
    }
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export const sessionStore = new SessionStore(browserStorage());
