// Domain types read off the generated `paths`, not off schema names, so that a renamed
// component in openapi.yaml does not ripple through the SPA.
import type { paths } from "./schema";

type JsonBody<T> = T extends { content: { "application/json": infer B } } ? B : never;
type Success<R> = R extends { 200: infer X } ? JsonBody<X> : R extends { 201: infer X } ? JsonBody<X> : never;
type Op<P extends keyof paths, M extends keyof paths[P]> = NonNullable<paths[P][M]>;
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { responses: infer R } ? Success<R> : never;
export type RequestOf<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { requestBody?: infer B } ? JsonBody<NonNullable<B>> : never;

export type TokenPair = ResponseOf<"/api/v1/auth/login", "post">;
export type Me = ResponseOf<"/api/v1/me", "get">;
export type Membership = Me["memberships"][number];
export type Role = Membership["role"];
export type Organization = ResponseOf<"/api/v1/organizations/{id}", "get">;
export type OrganizationKind = Organization["kind"];
export type NewOrganization = RequestOf<"/api/v1/organizations", "post">;
export type OrganizationPatch = RequestOf<"/api/v1/organizations/{id}", "patch">;
export type Contingent = ResponseOf<"/api/v1/organizations/{id}/contingent", "get">;
export type ContingentInput = RequestOf<"/api/v1/organizations/{id}/contingent", "put">;
export type AgeGroup = Contingent["age_groups"][number];
export type User = ResponseOf<"/api/v1/users/{id}", "get">;
export type NewUser = RequestOf<"/api/v1/users", "post">;
export type UserPatch = RequestOf<"/api/v1/users/{id}", "patch">;
export type NewMembership = RequestOf<"/api/v1/users/{id}/memberships", "post">;
export type ApiToken = ResponseOf<"/api/v1/organizations/{id}/api-tokens", "get">["items"][number];
export type ApiTokenCreated = ResponseOf<"/api/v1/organizations/{id}/api-tokens", "post">;
export type NewApiToken = RequestOf<"/api/v1/organizations/{id}/api-tokens", "post">;

export const ROLES = [
  "region_admin",
  "institute",
  "school_admin",
  "coordinator",
  "curator",
  "psychologist",
  "mentor",
  "mentee",
] as const satisfies readonly Role[];

export type ApiTokenScope = NewApiToken["scopes"][number];
export const API_TOKEN_SCOPES = [
  "organizations:read",
  "organizations:write",
  "users:read",
  "users:write",
] as const satisfies readonly ApiTokenScope[];
