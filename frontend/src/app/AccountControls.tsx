import { Button, SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useLogout } from "../api/auth";
import { setLanguage, type Language } from "./i18n";

/** Language switch and logout: in the header on wide screens, in the burger menu on phones. */
export function AccountControls() {
  const { t, i18n } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <>
      <SegmentedControl
        size="xs"
        aria-label={t("shell.language")}
        value={i18n.language === "en" ? "en" : "ru"}
        onChange={(value) => setLanguage(value as Language)}
        data={[
          { value: "ru", label: "RU" },
          { value: "en", label: "EN" },
        ]}
      />
      <Button
        variant="light"
        size="xs"
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
      >
        {t("shell.logout")}
      </Button>
    </>
  );
}
