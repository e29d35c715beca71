import { Anchor, Badge, Button, Card, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useUpdateUser, useUser } from "../../../api/users";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { formatDateTime } from "../../../components/formatDate";
import { notifyFailure, notifySuccess } from "../../../components/notify";
import { useProblemMessage } from "../../../components/useProblemMessage";
import { MembershipsPanel } from "./MembershipsPanel";

export function UserPage() {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const userId = Number(useParams().userId);
  const user = useUser(userId);
  const update = useUpdateUser(userId);

  if (user.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (user.error) return <ErrorAlert error={user.error} />;
  const u = user.data;

  const toggleActive = () =>
    update.mutate(
      { is_active: !u.is_active },
      {
        onSuccess: (saved) => notifySuccess(t(saved.is_active ? "users.activated" : "users.deactivated")),
        onError: (error) => notifyFailure(problemMessage(error)),
      },
    );

  return (
    <Stack>
      <Anchor component={Link} to="/users" size="sm">
        ← {t("users.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{u.full_name}</Title>
        <Button
          variant="light"
          color={u.is_active ? "red" : "green"}
          loading={update.isPending}
          onClick={toggleActive}
        >
          {t(u.is_active ? "users.deactivate" : "users.activate")}
        </Button>
      </Group>
      <Card withBorder>
        <Text>{u.email}</Text>
        <Group gap="xs" mt="xs">
          <Badge color={u.is_active ? "green" : "gray"} tt="none">
            {t(u.is_active ? "users.active" : "users.inactive")}
          </Badge>
          {u.is_system_admin && (
            <Badge color="grape" tt="none">
              {t("roles.system_admin")}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {t("users.createdAt", { date: formatDateTime(u.created_at, i18n.language) })}
        </Text>
      </Card>
      <MembershipsPanel user={u} />
    </Stack>
  );
}
