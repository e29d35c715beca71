import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useMe } from "../../api/me";
import { useOrganization } from "../../api/organizations";
import { editsTemplates } from "./permissions";
import { SurveyTemplatesPanel } from "./SurveyTemplatesPanel";

/**
 * `/survey-templates/:organizationId`: the templates a school (or an institute) can run. Opened
 * from a programme's «Мониторинг», it leads back there.
 */
export function SurveyTemplatesPage() {
  const { t } = useTranslation();
  const organizationId = Number(useParams().organizationId);
  const from = (useLocation().state as { from?: string } | null)?.from ?? null;
  const { data: me } = useMe();
  const organization = useOrganization(organizationId);
  const canEdit = !!me && editsTemplates(me, organizationId);

  return (
    <Stack>
      <Anchor component={Link} to={from ?? "/programs"} size="sm">
        ← {from ? t("monitoring.backToMonitoring") : t("programs.back")}
      </Anchor>
      <div>
        <Title order={1}>{t("monitoring.templates.title")}</Title>
        {organization.data && (
          <Text c="dimmed" mt={4}>
            {organization.data.organization.name}
          </Text>
        )}
      </div>
      {!canEdit && (
        <Text size="sm" c="dimmed">
          {t("monitoring.templates.readOnly")}
        </Text>
      )}
      <SurveyTemplatesPanel organizationId={organizationId} canEdit={canEdit} />
    </Stack>
  );
}
