import { AppShell, Burger, Group, Loader, Center, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { useMe } from "../api/me";
import { ErrorAlert } from "../components/ErrorAlert";
import { AccountControls } from "./AccountControls";
import { MainNav } from "./MainNav";
import { OrganizationPicker } from "./OrganizationPicker";

export function Shell() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const me = useMe();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(navOpened ? "shell.closeMenu" : "shell.openMenu")}
            />
            <Title order={2} size="h3" c="indigo.8">
              {t("app.name")}
            </Title>
            {me.data && (
              <Group visibleFrom="md" gap="xs" wrap="nowrap">
                <OrganizationPicker me={me.data} />
              </Group>
            )}
          </Group>
          <Group visibleFrom="sm" gap="sm" wrap="nowrap">
            {me.data && <Text size="sm">{me.data.full_name}</Text>}
            <AccountControls />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t("shell.navigation")}>
        {me.data && <MainNav me={me.data} onNavigate={nav.close} />}
        <AppShell.Section hiddenFrom="sm" pt="md" mt="auto">
          {me.data && (
            <Text size="sm" mb="xs">
              {me.data.full_name}
            </Text>
          )}
          {me.data && <OrganizationPicker me={me.data} />}
          <Group mt="sm">
            <AccountControls />
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        {me.isPending && (
          <Center py="xl">
            <Loader aria-label={t("common.loading")} />
          </Center>
        )}
        {me.error && <ErrorAlert error={me.error} />}
        {me.data && <Outlet />}
      </AppShell.Main>
    </AppShell>
  );
}
