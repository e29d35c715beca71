import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";

/** The two screens of the institute's view. */
export function ResultsTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const value = pathname.startsWith("/results/periods") ? "periods" : "dashboard";
  return (
    <Tabs value={value} onChange={(v) => navigate(v === "periods" ? "/results/periods" : "/results")}>
      <Tabs.List>
        <Tabs.Tab value="dashboard">{t("results.dashboard.tab")}</Tabs.Tab>
        <Tabs.Tab value="periods">{t("results.periods.tab")}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
