import { Button, Center, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { useLogin } from "../../api/auth";
import { fieldErrorMap } from "../../api/problem";
import { setLanguage, type Language } from "../../app/i18n";
import { useSession } from "../../app/useSession";
import { ErrorAlert } from "../../components/ErrorAlert";

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : t("login.emailInvalid")),
      password: (value) => (value ? null : t("login.passwordRequired")),
    },
  });
  const from = (location.state as { from?: string } | null)?.from ?? "/";

  if (session && !login.isPending) return <Navigate to={from} replace />;

  const submit = form.onSubmit((values) =>
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => navigate(from, { replace: true }),
        onError: (error) => form.setErrors(fieldErrorMap(error)),
      },
    ),
  );

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="xl" w="100%" maw={420} noValidate>
        <Stack>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={1} size="h2">
                {t("app.name")}
              </Title>
              <Text c="dimmed" size="sm">
                {t("login.subtitle")}
              </Text>
            </div>
            <SegmentedControl
              size="xs"
              aria-label={t("shell.language")}
              value={i18n.language === "en" ? "en" : "ru"}
              onChange={(value) => setLanguage(value as Language)}
              data={[
                { value: "ru", label: "RU" },
                { value: "en", label: "EN" },
              ]}
            />
          </Group>
          {login.error && <ErrorAlert error={login.error} title={t("login.failed")} />}
          <TextInput
            label={t("login.email")}
            type="email"
            autoComplete="username"
            required
            data-autofocus
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label={t("login.password")}
            autoComplete="current-password"
            required
            {...form.getInputProps("password")}
          />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t("login.submit")}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
