import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../../api/me";
import { CalendarFeedsButton } from "../meetings/CalendarFeedsModal";
import { ProgramAlertsSummary } from "../meetings/ProgramAlertsSummary";
import { sitsInPairs } from "../meetings/seat";
import { MySurveysCard } from "../monitoring/MySurveysCard";

/** Who I am: my organisations and my roles in each of them. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;

  return (
    <Stack>
      <Title order={1}>{t("home.title")}</Title>
      <Card withBorder>
        <Text fw={600} size="lg">
          {me.full_name}
        </Text>
        <Text c="dimmed">{me.email}</Text>
        {me.is_system_admin && (
          <Group mt="xs">
            <Badge color="grape" tt="none">{t("roles.system_admin")}</Badge>
          </Group>
        )}
        <Group mt="sm" gap="sm">
          <CalendarFeedsButton />
          {sitsInPairs(me) && (
            <Anchor component={Link} to="/my-meetings" fw={500}>
              {t("meetings.home.mine")}
            </Anchor>
          )}
        </Group>
      </Card>
      <MySurveysCard />
      <ProgramAlertsSummary me={me} />
      <Title order={2} size="h3">
        {t("home.memberships")}
      </Title>
      {me.memberships.length === 0 ? (
        <Text c="dimmed">{t("home.noMemberships")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("home.organization")}</Table.Th>
                <Table.Th>{t("home.kind")}</Table.Th>
                <Table.Th>{t("home.role")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {me.memberships.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.organization_name}</Table.Td>
                  <Table.Td>{t(`organizationKinds.${m.organization_kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none">{t(`roles.${m.role}`)}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
