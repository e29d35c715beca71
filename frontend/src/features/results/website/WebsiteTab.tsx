import { Alert, Anchor, Button, Code, CopyButton, Group, Stack, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOrganization } from "../../../api/organizations";
import type { Program } from "../../../api/types";
import { useSchoolFeed } from "../../../api/website";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { feedState, widgetSnippets, widgetUrls } from "./snippets";

const origin = typeof window === "undefined" ? "http://localhost" : window.location.origin;

/** "Сайт школы": what the school's website shows (a live preview of the widget) and the code to put there. */
export function WebsiteTab({ program }: { program: Program }) {
  const { t } = useTranslation();
  const school = useOrganization(program.school_id);
  const slug = school.data?.organization.slug ?? null;
  const feed = useSchoolFeed(slug);
  // The preview is the real iframe page; reloading it is how the curator sees a change.
  const [previewKey, setPreviewKey] = useState(0);

  if (school.isPending) return <PageLoader />;
  if (school.error) return <ErrorAlert error={school.error} />;
  if (!slug) return null;
  const urls = widgetUrls(origin, slug);
  const snippets = widgetSnippets(origin, slug, t("website.iframeTitle"));
  const state = feed.data === undefined ? null : feedState(feed.data, program);

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t("website.title")}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t("website.intro")}
        </Text>
      </div>
      {feed.error && <ErrorAlert error={feed.error} />}
      {state === "thisProgramme" && (
        <Alert color="green" title={t("website.state.thisProgramme")}>
          {t("website.cacheNote")}
        </Alert>
      )}
      {state === "otherProgramme" && feed.data && (
        <Alert color="yellow" title={t("website.state.otherProgramme", { title: feed.data.programme.title, year: feed.data.programme.academic_year })}>
          {t("website.state.otherProgrammeHint")}
        </Alert>
      )}
      {state === "nothingPublished" && (
        <Alert color="gray" title={t("website.state.nothingPublished")}>
          {t("website.state.nothingPublishedHint")}
        </Alert>
      )}
      <Text size="sm">{t("website.privacy")}</Text>

      <section aria-labelledby="website-embed">
        <Title order={3} id="website-embed" mb="xs">
          {t("website.embedTitle")}
        </Title>
        <Stack gap="md">
          <Snippet label={t("website.scriptLabel")} hint={t("website.scriptHint")} code={snippets.script} />
          <Snippet label={t("website.iframeLabel")} hint={t("website.iframeHint")} code={snippets.iframe} />
          <Group gap="md">
            <Anchor href={urls.page} target="_blank" rel="noopener">
              {t("website.openPage")}
            </Anchor>
            <Anchor href={urls.feed} target="_blank" rel="noopener">
              {t("website.openFeed")}
            </Anchor>
          </Group>
        </Stack>
      </section>

      <section aria-labelledby="website-preview">
        <Group justify="space-between" mb="xs">
          <Title order={3} id="website-preview">
            {t("website.previewTitle")}
          </Title>
          <Button
            variant="light"
            size="xs"
            onClick={() => {
              setPreviewKey((k) => k + 1);
              void feed.refetch();
            }}
          >
            {t("website.reload")}
          </Button>
        </Group>
        <iframe
          key={previewKey}
          src={urls.page}
          title={t("website.previewFrame")}
          loading="lazy"
          style={{ width: "100%", height: 720, border: "1px solid var(--mantine-color-gray-4)", borderRadius: 8, background: "#fff" }}
        />
      </section>
    </Stack>
  );
}

function Snippet({ label, hint, code }: { label: string; hint: string; code: string }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <figure aria-labelledby={labelId} style={{ margin: 0 }}>
      <Group justify="space-between" align="flex-end" mb={4} wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} id={labelId}>
            {label}
          </Text>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Button size="xs" color={copied ? "teal" : "indigo"} onClick={copy} aria-label={`${t("website.copy")}: ${label}`}>
              {copied ? t("website.copied") : t("website.copy")}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
        {code}
      </Code>
    </figure>
  );
}
