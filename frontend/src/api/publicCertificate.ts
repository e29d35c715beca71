// Checking a certificate by its code: no account, no session. Unsigned on purpose, like the
// public survey page: anyone holding the paper checks it, and a staff token must not go along.
import createClient from "openapi-fetch";
import { unwrap } from "./problem";
import type { paths } from "./schema";
import type { PublicCertificate } from "./types";

const baseUrl = typeof window === "undefined" ? "http://localhost" : window.location.origin;

const publicApi = createClient<paths>({ baseUrl });

export const publicCertificateKey = (code: string) => ["public-certificate", code] as const;

export async function verifyCertificate(code: string): Promise<PublicCertificate> {
  return unwrap(await publicApi.GET("/api/v1/public/certificates/{code}", { params: { path: { code } } }));
}
