import { Anchor, Badge, Button, Center, Group, Loader, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUsers } from "../../../api/users";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { OrganizationSelect } from "../../../components/OrganizationSelect";
import { CreateUserModal } from "./CreateUserModal";

export function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [organizationId, setOrganizationId] = useState<number | null>(null);
  const users = useUsers({ q, organizationId: organizationId ?? undefined });
  const [creating, createModal] = useDisclosure(false);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("users.title")}</Title>
        <Button onClick={createModal.open}>{t("users.create")}</Button>
      </Group>
      <Group align="flex-end" grow preventGrowOverflow={false}>
        <TextInput
          type="search"
          label={t("users.search")}
          placeholder={t("users.searchPlaceholder")}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <OrganizationSelect label={t("users.organizationFilter")} clearable value={organizationId} onChange={setOrganizationId} />
      </Group>
      {users.error && <ErrorAlert error={users.error} />}
      {users.isPending ? (
        <Center py="md">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : users.data?.items.length === 0 ? (
        <Text c="dimmed">{t("users.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover aria-busy={users.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("users.fullName")}</Table.Th>
                <Table.Th>{t("users.email")}</Table.Th>
                <Table.Th>{t("users.roles")}</Table.Th>
                <Table.Th>{t("users.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/users/${user.id}`}>
                      {user.full_name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>
                    {user.memberships.map((m) => `${t(`roles.${m.role}`)} — ${m.organization_name}`).join("; ") ||
                      (user.is_system_admin ? t("roles.system_admin") : "—")}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={user.is_active ? "green" : "gray"} tt="none">
                      {t(user.is_active ? "users.active" : "users.inactive")}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateUserModal opened={creating} onClose={createModal.close} />
    </Stack>
  );
}
