import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../components/useDocumentTitle";
import type { IssuedInvitation, Survey } from "../../api/types";
import { QrCode } from "../meetings/QrCode";
import { sheetCards, sheetPages } from "./qrSheet";
import "../../components/printPage.css";
import "./qrSheet.css";

/**
 * The links just issued as a sheet to print and cut: one card per person (the name, the survey,
 * the QR code and the link to type). The links are shown only now; on paper only the sheet
 * prints, A4, twelve cards a page.
 */
export function QrSheet({ survey, items, onDone }: { survey: Survey; items: IssuedInvitation[]; onDone: () => void }) {
  const { t } = useTranslation();
  const cards = sheetCards(items);
  const pages = sheetPages(cards);
  const heading = t("monitoring.sheet.heading", { title: survey.title });

  useDocumentTitle(heading);

  return (
    <section aria-labelledby="qr-sheet-title">
      <Alert color="indigo" title={t("monitoring.sheet.issued", { count: cards.length })} data-print-hidden mb="md">
        <Text size="sm">{t("monitoring.sheet.onceWarning")}</Text>
        <Group gap="xs" mt="sm">
          <Button onClick={() => window.print()}>{t("monitoring.sheet.print")}</Button>
          <Button variant="default" onClick={onDone}>
            {t("monitoring.sheet.done")}
          </Button>
        </Group>
      </Alert>
      <h2 id="qr-sheet-title" className="qr-sheet-title" data-print-hidden>
        {heading}
      </h2>
      <div className="qr-sheet">
        {pages.map((page, index) => (
          <div
            className="qr-sheet-page"
            key={index}
            role="list"
            aria-label={t("monitoring.sheet.page", { page: index + 1, pages: pages.length })}
          >
            {page.map((card) => {
              const who = card.name ?? t("monitoring.sheet.anonymous", { no: card.anonymousNo });
              return (
                <article className="qr-card" role="listitem" key={card.id} data-invitation-id={card.id} aria-label={who}>
                  <div className="qr-card-name">{who}</div>
                  <div className="qr-card-survey">{survey.title}</div>
                  <QrCode text={card.url} size={144} label={t("monitoring.sheet.qrOf", { who })} />
                  <div className="qr-card-link" data-testid="invitation-link" data-url={card.url}>
                    {card.short}
                  </div>
                </article>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}
