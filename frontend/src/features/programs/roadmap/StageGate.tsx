import { Badge, Group, List, Text, ThemeIcon } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { GateCheck, Stage } from "../../../api/types";

const MARKS: Record<GateCheck["status"], { glyph: string; color: string }> = {
  met: { glyph: "✓", color: "green" },
  unmet: { glyph: "✕", color: "red" },
  not_tracked: { glyph: "–", color: "gray" },
};

/**
 * Whether the stage is really done: what people ticked beside what the data proves. A stage
 * ticked with unmet checks is the gap the curator has to close (or explain).
 */
export function StageGate({ gate }: { gate: Stage["gate"] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={600}>
          {t("roadmap.gate")}
        </Text>
        <Badge size="sm" variant="light" color={gate.ticked ? "green" : "gray"} tt="none">
          {t(gate.ticked ? "roadmap.gateTicked" : "roadmap.gateNotTicked")}
        </Badge>
      </Group>
      {gate.checks.length > 0 && (
        <List spacing={4} size="sm" center>
          {gate.checks.map((check) => {
            const mark = MARKS[check.status];
            return (
              <List.Item
                key={check.code}
                icon={
                  <ThemeIcon size={20} radius="xl" color={mark.color} variant="light" aria-hidden>
                    {mark.glyph}
                  </ThemeIcon>
                }
              >
                {check.label}
                <Text span size="xs" c="dimmed">
                  {" "}
                  ({t(`roadmap.gateStatus.${check.status}`)}
                  {check.detail ? `: ${check.detail}` : ""})
                </Text>
              </List.Item>
            );
          })}
        </List>
      )}
    </div>
  );
}
