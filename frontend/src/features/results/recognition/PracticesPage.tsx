import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../../../api/me";
import { usePractices, type PracticeFilter } from "../../../api/recognition";
import { MENTORSHIP_FORMS, ROLE_MODELS, type MentorshipForm, type PracticeStatus, type RoleModel } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { formatLongDay } from "../../programs/pairs/orderDocument";
import { PracticeStatusBadge } from "./PracticeStatusBadge";
import { practiceSchools, publishesPractices } from "./roles";

const STATUSES: PracticeStatus[] = ["draft", "submitted", "published"];

/** `/practices`: the region's library of best practices, searchable and filtered; the school's
 * drafts and the institute's review queue in the same list, each with its status. */
export function PracticesPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [q, setQ] = useState("");
  const [search] = useDebouncedValue(q, 300);
  const [form, setForm] = useState<MentorshipForm | null>(null);
  const [roleModel, setRoleModel] = useState<RoleModel | null>(null);
  const [status, setStatus] = useState<PracticeStatus | null>(null);
  const filter: PracticeFilter = { q: search, form, role_model: roleModel, status };
  const practices = usePractices(filter);
  const writes = me ? practiceSchools(me).length > 0 : false;
  const reviews = me ? publishesPractices(me) : false;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t("recognition.practices.title")}</Title>
          <Text size="sm" c="dimmed">
            {t("recognition.practices.hint")}
          </Text>
        </div>
        {writes && (
          <Button component={Link} to="/practices/new">
            {t("recognition.practices.new")}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: writes || reviews ? 4 : 3 }} role="search">
        <TextInput
          label={t("recognition.practices.search")}
          placeholder={t("recognition.practices.searchPlaceholder")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          type="search"
        />
        <Select
          label={t("recognition.practices.form")}
          placeholder={t("recognition.practices.any")}
          clearable
          data={MENTORSHIP_FORMS.map((f) => ({ value: f, label: t(`forms.${f}`) }))}
          value={form}
          onChange={(v) => setForm(v as MentorshipForm | null)}
        />
        <Select
          label={t("recognition.practices.roleModel")}
          placeholder={t("recognition.practices.any")}
          clearable
          data={ROLE_MODELS.map((r) => ({ value: r, label: t(`roleModels.${r}`) }))}
          value={roleModel}
          onChange={(v) => setRoleModel(v as RoleModel | null)}
        />
        {(writes || reviews) && (
          <Select
            label={t("recognition.practices.status")}
            placeholder={t("recognition.practices.anyStatus")}
            clearable
            data={STATUSES.map((s) => ({ value: s, label: t(`recognition.practices.statuses.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as PracticeStatus | null)}
          />
        )}
      </SimpleGrid>
      {practices.isPending ? (
        <PageLoader />
      ) : practices.error ? (
        <ErrorAlert error={practices.error} />
      ) : practices.data.length === 0 ? (
        <Text>{t("recognition.practices.none")}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("recognition.practices.title")}>
          {practices.data.map((p) => (
            <Card withBorder component="li" key={p.id}>
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Anchor component={Link} to={`/practices/${p.id}`} fw={600} size="lg">
                    {p.title}
                  </Anchor>
                  <PracticeStatusBadge status={p.status} />
                </Group>
                <Text size="sm">{p.summary}</Text>
                <Group gap="xs">
                  <Badge variant="light">{t(`forms.${p.form}`)}</Badge>
                  {p.role_model && (
                    <Badge variant="light" color="grape">
                      {t(`roleModels.${p.role_model}`)}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {t("recognition.practices.by", { author: p.author, school: p.school_name })}
                  {p.published_at && ` · ${t("recognition.practices.publishedOn", { date: formatLongDay(p.published_at.slice(0, 10), i18n.language) })}`}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
