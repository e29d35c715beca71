import { Alert, Box, Button, Card, Center, Container, Group, Loader, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { useNavigate, useParams } from "react-router";
import { ApiProblem } from "../../../api/problem";
import { publicCertificateKey, verifyCertificate } from "../../../api/publicCertificate";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { formatLongDay } from "../../programs/pairs/orderDocument";

/**
 * `/verify/:code`: anyone holding a printed certificate checks it, no account — a university's
 * admissions, a parent, the holder. It shows what the award is and whether it stands; the holder's
 * name only as far as the API allows (a minor without a publication consent by initials).
 */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const code = useParams().code ?? "";
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const result = useQuery({
    queryKey: publicCertificateKey(code),
    enabled: code.length > 0,
    queryFn: () => verifyCertificate(code),
    retry: false,
    staleTime: 60_000,
  });

  useDocumentTitle(t("recognition.verify.title"));

  // The code as the service spells it, once known (a code typed by hand may differ in case).
  const canonical = result.data?.code;
  useEffect(() => {
    if (canonical) setTyped(canonical);
  }, [canonical]);

  const notFound = result.error instanceof ApiProblem && result.error.status === 404;
  const cert = result.data;
  return (
    <Box component="main" mih="100dvh" bg="gray.0" lang={i18n.language}>
      <Container size={640} px="md" py="lg">
        <Stack gap="lg">
          <Title order={1}>{t("recognition.verify.title")}</Title>
          <form
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              const next = typed.trim();
              if (next) void navigate(`/verify/${encodeURIComponent(next)}`);
            }}
          >
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t("recognition.verify.codeLabel")}
                placeholder={t("recognition.verify.codePlaceholder")}
                value={typed}
                autoCapitalize="characters"
                spellCheck={false}
                onChange={(e) => setTyped(e.currentTarget.value)}
              />
              <Button type="submit">{t("recognition.verify.check")}</Button>
            </Group>
          </form>
          {code && result.isPending && (
            <Center py="xl">
              <Loader aria-label={t("common.loading")} />
            </Center>
          )}
          {notFound && (
            <Alert color="red" role="alert" title={t("errors.codes.certificate_not_found")}>
              {t("recognition.verify.notFound", { code })}
            </Alert>
          )}
          {result.error && !notFound && <ErrorAlert error={result.error} />}
          {cert && (
            <Card withBorder padding="lg" component="section" aria-labelledby="verify-verdict">
              <Stack>
                <Alert
                  id="verify-verdict"
                  color={cert.revoked ? "red" : "green"}
                  variant="light"
                  role="status"
                  title={cert.revoked ? t("recognition.verify.revoked") : t("recognition.verify.valid")}
                >
                  {cert.revoked && cert.revoked_on ? t("recognition.verify.revokedOn", { date: formatLongDay(cert.revoked_on, i18n.language) }) : cert.code}
                </Alert>
                <Table variant="vertical" withTableBorder layout="fixed">
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th w="40%">{t("recognition.verify.kind")}</Table.Th>
                      <Table.Td>{t(`recognition.kinds.${cert.kind}`)}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t("recognition.verify.titleField")}</Table.Th>
                      <Table.Td>{cert.title}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t("recognition.verify.holder")}</Table.Th>
                      <Table.Td>
                        {cert.holder ?? "—"}
                        {cert.holder_shown !== "full" && (
                          <Text size="xs" c="dimmed">
                            {cert.holder_shown === "initials" ? t("recognition.verify.holderInitials") : t("recognition.verify.holderHidden")}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t("recognition.verify.school")}</Table.Th>
                      <Table.Td>{cert.school_name}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t("recognition.verify.date")}</Table.Th>
                      <Table.Td>{formatLongDay(cert.awarded_on, i18n.language)}</Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Stack>
            </Card>
          )}
        </Stack>
      </Container>
    </Box>
  );
}
