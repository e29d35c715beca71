import { useLocalStorage } from "@mantine/hooks";
import type { Me, Membership } from "../api/types";

/**
 * The organisation the user works in now: the one last picked, else the first membership.
 * A system admin without memberships has none.
 */
export function useCurrentOrganization(me: Me | undefined) {
  const [pickedId, setPickedId] = useLocalStorage<number | null>({ key: "nastavnik.organization", defaultValue: null });
  const memberships = me?.memberships ?? [];
  const current: Membership | undefined = memberships.find((m) => m.organization_id === pickedId) ?? memberships[0];
  return { current, memberships, pick: setPickedId };
}
