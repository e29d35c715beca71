import type { TFunction } from "i18next";

/** "user:6" → the user's name when known; "api_token:3" → "API token 3"; anything else as is. */
export function actorLabel(actor: string, names: Map<number, string>, t: TFunction): string {
  const [kind, rawId] = actor.split(":");
  const id = Number(rawId);
  if (kind === "user" && Number.isInteger(id)) return names.get(id) ?? t("audit.user", { id });
  if (kind === "api_token" && Number.isInteger(id)) return t("audit.apiToken", { id });
  return actor;
}
