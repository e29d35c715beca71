import { Input, SegmentedControl, Stack } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { RoleSelect } from "../../../components/RoleSelect";
import { SchoolUserSelect } from "../SchoolUserSelect";
import type { ActivityFormValues, ResponsibleKind } from "./activityForm";

/** Assigns an activity to a role of the school or to one person of it. */
export function ResponsibleInput({ form, schoolId }: { form: UseFormReturnType<ActivityFormValues>; schoolId: number }) {
  const { t } = useTranslation();
  const labelId = useId();
  const { responsible_kind: kind, responsible_role: role } = form.values;
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Input.Label id={labelId}>{t("roadmap.responsible")}</Input.Label>
      <SegmentedControl
        size="xs"
        data={[
          { value: "role", label: t("roadmap.responsibleKind.role") },
          { value: "user", label: t("roadmap.responsibleKind.user") },
        ]}
        value={kind}
        onChange={(value) => form.setFieldValue("responsible_kind", value as ResponsibleKind)}
      />
      {kind === "role" ? (
        <RoleSelect
          aria-label={t("roadmap.responsibleKind.role")}
          value={role}
          onChange={(value) => form.setFieldValue("responsible_role", value)}
          error={form.errors.responsible_role}
        />
      ) : (
        <SchoolUserSelect
          schoolId={schoolId}
          aria-label={t("roadmap.responsibleKind.user")}
          {...form.getInputProps("responsible_user_id")}
        />
      )}
    </Stack>
  );
}
