import { NavLink, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { administers, seesParticipants, seesPrograms } from "../api/me";
import type { Me } from "../api/types";
import { sitsInPairs } from "../features/meetings/seat";
import { seesResults } from "../features/results/figures";

export function MainNav({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = [{ to: "/", label: t("nav.home"), active: pathname === "/" }];
  if (sitsInPairs(me)) {
    items.push({ to: "/my-meetings", label: t("meetings.nav"), active: pathname.startsWith("/my-meetings") });
  }
  if (seesPrograms(me)) {
    items.push({ to: "/programs", label: t("nav.programs"), active: pathname.startsWith("/programs") });
  }
  // The region's library of best practices is open to everyone of the region.
  items.push({ to: "/practices", label: t("nav.practices"), active: pathname.startsWith("/practices") });
  if (seesParticipants(me)) {
    items.push({ to: "/participants", label: t("nav.participants"), active: pathname.startsWith("/participants") });
  }
  if (seesResults(me)) {
    items.push({ to: "/results", label: t("nav.results"), active: pathname.startsWith("/results") });
  }
  if (administers(me)) {
    items.push(
      { to: "/organizations", label: t("nav.organizations"), active: pathname.startsWith("/organizations") },
      { to: "/users", label: t("nav.users"), active: pathname.startsWith("/users") },
    );
  }
  return (
    <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink
            component={Link}
            to={item.to}
            label={item.label}
            active={item.active}
            aria-current={item.active ? "page" : undefined}
            onClick={onNavigate}
          />
        </li>
      ))}
    </Stack>
  );
}
