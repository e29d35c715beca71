import { Badge, Button, Group, Paper, Stack, Tabs, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../api/me";
import type { Organization } from "../../../api/types";
import { editsTemplates } from "../../monitoring/permissions";
import { SurveyTemplatesPanel } from "../../monitoring/SurveyTemplatesPanel";
import { ApiTokensPanel } from "./ApiTokensPanel";
import { ContingentEditor } from "./ContingentEditor";
import { CreateOrganizationModal } from "./CreateOrganizationModal";
import { EditOrganizationForm } from "./EditOrganizationForm";
import { RoadmapTemplateEditor } from "./RoadmapTemplateEditor";
import { childKindOf } from "./orgTree";

export function OrganizationDetails({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const [creating, createModal] = useDisclosure(false);
  const childKind = childKindOf(organization.kind);
  const { data: me } = useMe();
  // Survey templates serve the schools below an institute, and a school has its own.
  const hasSurveyTemplates = organization.kind === "institute" || organization.kind === "school";

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="organization-title">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="organization-title">
              {organization.name}
            </Title>
            <Badge variant="light" tt="none" mt={4}>
              {t(`organizationKinds.${organization.kind}`)}
            </Badge>
          </div>
          {childKind && <Button onClick={createModal.open}>{t(`organizations.create.${childKind}`)}</Button>}
        </Group>
        <Tabs defaultValue="details" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="details">{t("organizations.tabs.details")}</Tabs.Tab>
            {organization.kind === "school" && (
              <Tabs.Tab value="contingent">{t("organizations.tabs.contingent")}</Tabs.Tab>
            )}
            {organization.kind === "institute" && (
              <Tabs.Tab value="roadmapTemplate">{t("organizations.tabs.roadmapTemplate")}</Tabs.Tab>
            )}
            {hasSurveyTemplates && <Tabs.Tab value="surveyTemplates">{t("monitoring.templates.title")}</Tabs.Tab>}
            <Tabs.Tab value="tokens">{t("organizations.tabs.tokens")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="details" pt="md">
            <EditOrganizationForm organizationId={organization.id} />
          </Tabs.Panel>
          {organization.kind === "school" && (
            <Tabs.Panel value="contingent" pt="md">
              <ContingentEditor organizationId={organization.id} />
            </Tabs.Panel>
          )}
          {organization.kind === "institute" && (
            <Tabs.Panel value="roadmapTemplate" pt="md">
              <RoadmapTemplateEditor organizationId={organization.id} />
            </Tabs.Panel>
          )}
          {hasSurveyTemplates && (
            <Tabs.Panel value="surveyTemplates" pt="md">
              <SurveyTemplatesPanel organizationId={organization.id} canEdit={!!me && editsTemplates(me, organization.id)} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="tokens" pt="md">
            <ApiTokensPanel organizationId={organization.id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <CreateOrganizationModal parent={organization} opened={creating} onClose={createModal.close} />
    </Paper>
  );
}
