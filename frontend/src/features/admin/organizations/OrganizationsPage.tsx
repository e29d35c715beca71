import { Button, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useMe } from "../../../api/me";
import { useOrganizations } from "../../../api/organizations";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { CreateOrganizationModal } from "./CreateOrganizationModal";
import { OrganizationDetails } from "./OrganizationDetails";
import { OrganizationTree } from "./OrganizationTree";
import { buildOrgTree } from "./orgTree";

export function OrganizationsPage() {
  const { t } = useTranslation();
  const { organizationId } = useParams();
  const selectedId = organizationId ? Number(organizationId) : null;
  const { data: me } = useMe();
  const organizations = useOrganizations();
  const tree = useMemo(() => buildOrgTree(organizations.data ?? []), [organizations.data]);
  const [creatingRegion, regionModal] = useDisclosure(false);
  const selected = organizations.data?.find((o) => o.id === selectedId) ?? null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("organizations.title")}</Title>
        {me?.is_system_admin && (
          <Button variant="light" onClick={regionModal.open}>
            {t("organizations.createRegion")}
          </Button>
        )}
      </Group>
      {organizations.error && <ErrorAlert error={organizations.error} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Paper withBorder p="xs">
            {organizations.isPending ? (
              <Center py="md">
                <Loader aria-label={t("common.loading")} />
              </Center>
            ) : tree.length === 0 ? (
              <Text c="dimmed" p="sm">
                {t("organizations.empty")}
              </Text>
            ) : (
              <OrganizationTree nodes={tree} selectedId={selectedId} />
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          {selected ? (
            <OrganizationDetails key={selected.id} organization={selected} />
          ) : (
            <Text c="dimmed">{t("organizations.pick")}</Text>
          )}
        </Grid.Col>
      </Grid>
      <CreateOrganizationModal parent={null} opened={creatingRegion} onClose={regionModal.close} />
    </Stack>
  );
}
