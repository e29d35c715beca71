import { Alert, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Why a minor cannot enter a base, and the way to fix it: the consents of the person's card. */
export function ConsentRequiredAlert({ participantId }: { participantId: number | null }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t("errors.codes.consent_required")} role="alert">
      {t("bases.consentRequiredHint")}
      {participantId !== null && (
        <Button component={Link} to={`/participants/${participantId}?tab=consents`} size="xs" mt="sm" display="block">
          {t("bases.addConsent")}
        </Button>
      )}
    </Alert>
  );
}
