import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { Link, useParams } from "react-router";
import { useAward, useCertificate } from "../../../api/recognition";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { QrCode } from "../../meetings/QrCode";
import { formatLongDay } from "../../programs/pairs/orderDocument";
import { paragraphs, verifyUrl } from "./awardTexts";
import "../../../components/printPage.css";
import "./certificate.css";

/** The award's certificate as an A4 page in Russian: the school, the holder, the wording, the
 * date, the signature line and the code with where to check it. */
export function CertificatePrintPage() {
  const { t, i18n } = useTranslation();
  const awardId = Number(useParams().awardId);
  const certificate = useCertificate(awardId);
  const data = certificate.data;
  // The programme's page to go back to: the award says which.
  const programId = useAward(awardId).data?.program_id ?? null;

  useDocumentTitle(data ? `${data.title} — ${data.code}` : null);

  if (certificate.isPending) return <PageLoader />;
  if (certificate.error) return <ErrorAlert error={certificate.error} />;
  const cert = certificate.data;
  const url = verifyUrl(window.location.origin, cert.verify_path);

  return (
    <Stack>
      <Group justify="space-between" data-print-hidden>
        {programId ? (
          <Anchor component={Link} to={`/programs/${programId}?tab=awards`} size="sm">
            ← {t("recognition.certificate.back")}
          </Anchor>
        ) : (
          <span />
        )}
        <Button onClick={() => window.print()}>{t("recognition.certificate.print")}</Button>
      </Group>
      <Paper shadow="sm" className="certificate-sheet" component="article" aria-label={t("recognition.certificate.document")} lang="ru">
        <Text ta="center" fw={700} inherit>
          {cert.school_name}
        </Text>
        <Text ta="center" component="h1" className="certificate-title" ff="inherit">
          {cert.title}
        </Text>
        {cert.revoked && (
          <Text ta="center" className="certificate-revoked" inherit>
            {t("recognition.certificate.revoked")}
          </Text>
        )}
        {cert.addressee && (
          <Text ta="center" inherit fs="italic">
            {cert.addressee}
          </Text>
        )}
        <Text ta="center" inherit>
          {cert.kind === "best_pair" ? t("recognition.certificate.awardedToPair") : t("recognition.certificate.awardedTo")}
        </Text>
        <Text ta="center" className="certificate-holder" inherit>
          {cert.holder ?? "—"}
        </Text>
        {cert.wording &&
          paragraphs(cert.wording).map((p) => (
            <Text key={p} ta="center" inherit>
              {p}
            </Text>
          ))}
        <Text ta="center" inherit mt="md">
          {t("recognition.certificate.program", { title: cert.program_title, year: cert.academic_year })}
        </Text>
        <Group justify="space-between" align="flex-end" mt={48} wrap="nowrap">
          <Text inherit>{cert.signatory ?? ""}</Text>
          <Text inherit aria-hidden>
            ____________________
          </Text>
        </Group>
        <Text inherit mt="sm">
          {t("recognition.certificate.date", { date: formatLongDay(cert.awarded_on, i18n.language) })}
        </Text>
        <Group className="certificate-footer" justify="space-between" align="flex-end" wrap="nowrap" gap="md">
          <div>
            <Text inherit fw={700}>
              {t("recognition.certificate.code", { code: cert.code })}
            </Text>
            <Text inherit>{t("recognition.certificate.verifyHint", { url })}</Text>
          </div>
          <QrCode text={url} size={96} label={url} />
        </Group>
      </Paper>
    </Stack>
  );
}
