import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Membership, Role, User } from "../../../api/types";
import { useAddMembership, useRemoveMembership } from "../../../api/users";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { OrganizationSelect } from "../../../components/OrganizationSelect";
import { RoleSelect } from "../../../components/RoleSelect";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";

/** The user's roles in organisations: each row is one role in one organisation. */
export function MembershipsPanel({ user }: { user: User }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const add = useAddMembership(user.id);
  const remove = useRemoveMembership();
  const [organizationId, setOrganizationId] = useState<number | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [removing, setRemoving] = useState<Membership | null>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (organizationId === null || !role) return;
    add.mutate(
      { organization_id: organizationId, role },
      {
        onSuccess: () => {
          notifySuccess(t("memberships.added"));
          setRole(null);
        },
        onError: (error) => notifyFailure(problemMessage(error)),
      },
    );
  };

  const confirmRemove = () => {
    if (!removing) return;
    remove.mutate(removing.id, {
      onSuccess: () => notifySuccess(t("memberships.removed")),
      onError: (error) => notifyFailure(problemMessage(error)),
      onSettled: () => setRemoving(null),
    });
  };

  return (
    <Stack component="section" aria-labelledby="memberships-title">
      <Title order={2} size="h3" id="memberships-title">
        {t("memberships.title")}
      </Title>
      {user.memberships.length === 0 ? (
        <Text c="dimmed">{t("memberships.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("home.organization")}</Table.Th>
                <Table.Th>{t("home.role")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.memberships.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.organization_name}</Table.Td>
                  <Table.Td>{t(`roles.${m.role}`)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" color="red" onClick={() => setRemoving(m)}>
                      {t("memberships.remove")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={submit} aria-label={t("memberships.add")}>
        <Group align="flex-end">
          <OrganizationSelect
            label={t("users.organization")}
            value={organizationId}
            onChange={setOrganizationId}
            miw={260}
          />
          <RoleSelect label={t("users.role")} value={role} onChange={setRole} miw={220} />
          <Button type="submit" loading={add.isPending} disabled={organizationId === null || !role}>
            {t("memberships.add")}
          </Button>
        </Group>
      </form>
      <ConfirmModal
        opened={removing !== null}
        title={t("memberships.remove")}
        message={t("memberships.removeConfirm", {
          role: removing ? t(`roles.${removing.role}`) : "",
          organization: removing?.organization_name ?? "",
        })}
        confirmLabel={t("memberships.remove")}
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
