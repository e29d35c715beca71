import { Paper, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../api/me";
import { usePreferences } from "../../../api/pairs";
import type { Side } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { managesPairs } from "./pairPermissions";
import { otherSide } from "./preferenceSheet";
import { PreferenceSheetForm } from "./PreferenceSheetForm";
import { PreferenceSheetsTable } from "./PreferenceSheetsTable";
import { usePreferencePeople } from "./usePreferencePeople";

interface Props {
  programId: number;
  schoolId: number;
  readOnly: boolean;
}

/** «Предпочтения»: after the group meeting the curator enters who each person would like to work with. */
export function PreferencesTab({ programId, schoolId, readOnly }: Props) {
  const { t } = useTranslation();
  const sideLabelId = useId();
  const enteredId = useId();
  const { data: me } = useMe();
  const canEdit = !readOnly && !!me && managesPairs(me, schoolId);
  const preferences = usePreferences(programId);
  const people = usePreferencePeople(programId);
  const [side, setSide] = useState<Side>("mentee");
  const [chooser, setChooser] = useState<string | null>(null);

  if (preferences.isPending || people.isPending) return <PageLoader />;
  if (preferences.error || people.error) return <ErrorAlert error={preferences.error ?? people.error} />;
  const { items: sheets, preference_limit: limit } = preferences.data;
  const sheet = sheets.find((s) => s.side === side && String(s.chooser_id) === chooser);

  return (
    <Stack gap="xl">
      <Stack>
        <Title order={2} size="h4">
          {t("preferences.title")}
        </Title>
        <Text size="sm">{t("preferences.intro", { limit })}</Text>
        {canEdit && (
          <Paper withBorder p="md">
            <Stack>
              <div>
                <Text id={sideLabelId} size="sm" fw={500} mb={4}>
                  {t("preferences.side")}
                </Text>
                <SegmentedControl
                  aria-labelledby={sideLabelId}
                  data={(["mentee", "mentor"] as const).map((s) => ({ value: s, label: t(`preferences.sides.${s}`) }))}
                  value={side}
                  onChange={(value) => {
                    setSide(value as Side);
                    setChooser(null);
                  }}
                />
              </div>
              <Select
                w={{ base: "100%", sm: 480 }}
                label={t("preferences.chooser")}
                searchable
                clearable
                nothingFoundMessage={t("common.nothingFound")}
                data={people.options[side]}
                value={chooser}
                onChange={setChooser}
              />
              {chooser ? (
                <PreferenceSheetForm
                  key={`${side}-${chooser}-${sheet?.updated_at ?? "new"}`}
                  programId={programId}
                  side={side}
                  chooserId={Number(chooser)}
                  sheet={sheet}
                  options={people.options[otherSide(side)]}
                  limit={limit}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {t("preferences.pickChooser")}
                </Text>
              )}
            </Stack>
          </Paper>
        )}
      </Stack>
      <Stack component="section" aria-labelledby={enteredId} gap="xs">
        <Title order={2} size="h4" id={enteredId}>
          {t("preferences.entered")}
        </Title>
        {sheets.length === 0 ? (
          <Text c="dimmed">{t("preferences.noSheets")}</Text>
        ) : (
          <PreferenceSheetsTable
            sheets={sheets}
            nameOf={people.nameOf}
            onEdit={
              canEdit
                ? (s) => {
                    setSide(s.side);
                    setChooser(String(s.chooser_id));
                  }
                : undefined
            }
          />
        )}
      </Stack>
    </Stack>
  );
}
