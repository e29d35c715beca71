import type { Stage } from "../../../api/types";

/** The service names the seven standard stages in Russian; English readers get these instead. */
const ENGLISH_STAGE_TITLES: Record<number, string> = {
  1: "Preparing conditions for launch",
  2: "Forming the mentee base",
  3: "Forming the mentor base",
  4: "Selecting and training mentors",
  5: "Forming pairs and groups",
  6: "Running the pairs and groups",
  7: "Completing the programme",
};

export function stageTitle(stage: Pick<Stage, "stage_no" | "title">, language: string): string {
  if (language === "en") return ENGLISH_STAGE_TITLES[stage.stage_no] ?? stage.title;
  return stage.title;
}

export const STAGE_NUMBERS = [1, 2, 3, 4, 5, 6, 7] as const;
