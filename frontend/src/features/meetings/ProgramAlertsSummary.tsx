import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAlerts } from "../../api/meetings";
import { usePrograms } from "../../api/programs";
import type { Me, Program, Role } from "../../api/types";
import { alertsTotal } from "./alertTexts";

/** Who reads a school's alerts (the service's ViewParticipants inside a school). */
const ALERT_ROLES: readonly Role[] = ["school_admin", "coordinator", "curator", "psychologist"];

/** The schools whose programmes' alerts the user reads, once each. */
export function alertSchools(me: Pick<Me, "memberships">): { id: number; name: string }[] {
  const schools = new Map<number, string>();
  for (const m of me.memberships) {
    if (m.organization_kind === "school" && ALERT_ROLES.includes(m.role)) schools.set(m.organization_id, m.organization_name);
  }
  return [...schools].map(([id, name]) => ({ id, name }));
}

/** On the overview: each programme of my schools with its number of alerts, leading to «Сигналы». */
export function ProgramAlertsSummary({ me }: { me: Me }) {
  const { t } = useTranslation();
  const schools = alertSchools(me);
  if (schools.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="home-alerts">
      <Title order={2} size="h3" id="home-alerts">
        {t("meetings.home.title")}
      </Title>
      {schools.map((school) => (
        <SchoolPrograms key={school.id} schoolId={school.id} name={schools.length > 1 ? school.name : null} />
      ))}
    </Stack>
  );
}

function SchoolPrograms({ schoolId, name }: { schoolId: number; name: string | null }) {
  const { t } = useTranslation();
  const programs = usePrograms(schoolId);
  const live = (programs.data ?? []).filter((p) => p.status === "active" || p.status === "draft");
  return (
    <Stack gap={6}>
      {name && (
        <Text size="sm" fw={500}>
          {name}
        </Text>
      )}
      {programs.isSuccess && live.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("meetings.home.noPrograms")}
        </Text>
      )}
      <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {live.map((program) => (
          <ProgramLine key={program.id} program={program} />
        ))}
      </Stack>
    </Stack>
  );
}

function ProgramLine({ program }: { program: Program }) {
  const { t } = useTranslation();
  const alerts = useAlerts(program.id, program.status === "active");
  const total = alerts.data ? alertsTotal(alerts.data.counts) : null;
  return (
    <Paper withBorder p="xs" component="li">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Anchor component={Link} to={`/programs/${program.id}`} size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
          {program.title}
        </Anchor>
        {total !== null && (
          <Anchor component={Link} to={`/programs/${program.id}?tab=alerts`} underline="never" aria-label={t("meetings.home.alertsOf", { count: total, title: program.title })}>
            <Badge color={total > 0 ? "red" : "gray"} variant={total > 0 ? "filled" : "light"} tt="none" style={{ cursor: "pointer" }}>
              {t("meetings.home.alerts", { count: total })}
            </Badge>
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}
