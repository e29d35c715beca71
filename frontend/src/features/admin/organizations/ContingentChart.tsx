import { BarChart } from "@mantine/charts";
import { useTranslation } from "react-i18next";
import type { AgeGroup } from "../../../api/types";

export function ContingentChart({ rows }: { rows: AgeGroup[] }) {
  const { t } = useTranslation();
  const data = rows.map((row) => ({ age: String(row.age), students: row.students }));
  return (
    <figure style={{ margin: 0 }} aria-label={t("contingent.chart")}>
      <BarChart
        h={220}
        data={data}
        dataKey="age"
        series={[{ name: "students", label: t("contingent.students"), color: "indigo.6" }]}
        xAxisLabel={t("contingent.age")}
        tickLine="y"
      />
    </figure>
  );
}
