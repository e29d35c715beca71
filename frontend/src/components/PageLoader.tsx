import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The spinner shown while a screen's data loads, announced to screen readers. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="md">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}
