import { Anchor, Box, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../../components/useDocumentTitle";
import { Link, useParams } from "react-router";
import { useOrder } from "../../../api/pairs";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { formatLongDay, orderRows, personLabel } from "./orderDocument";
import "../../../components/printPage.css";
import "./orderPrint.css";

/** The order «Об утверждении наставнических пар/групп» as a clean A4 page, ready to print and sign. */
export function OrderPrintPage() {
  const { t, i18n } = useTranslation();
  const orderId = Number(useParams().orderId);
  const order = useOrder(orderId);
  const heading = order.data
    ? t("orders.heading", { number: order.data.number, date: formatLongDay(order.data.signed_on, i18n.language) })
    : null;

  useDocumentTitle(heading);

  if (order.isPending) return <PageLoader />;
  if (order.error) return <ErrorAlert error={order.error} />;
  const { data } = order;
  const erased = (id: number) => t("participants.erasedName", { id });
  const rows = orderRows(data.pairs);

  return (
    <Stack>
      <Group justify="space-between" data-print-hidden>
        <Anchor component={Link} to={`/programs/${data.program_id}?tab=pairs`} size="sm">
          ← {t("orders.back")}
        </Anchor>
        <Button onClick={() => window.print()}>{t("orders.printButton")}</Button>
      </Group>
      <Paper withBorder shadow="sm" className="order-sheet" component="article" aria-label={t("orders.document")}>
        <Stack gap="md">
          <Text ta="center" fw={700} inherit>
            {data.school_name}
          </Text>
          <Box ta="center">
            <Title order={1} size="h3" ff="inherit">
              {heading}
            </Title>
            <Text fw={700} inherit mt={4}>
              {t("orders.subject")}
            </Text>
          </Box>
          <Text inherit style={{ textIndent: "1.25cm" }}>
            {t("orders.preamble", { program: data.program_title })}
          </Text>
          <Text inherit style={{ textIndent: "1.25cm" }}>
            {t("orders.item")}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label={t("orders.document")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="3.5em" style={{ whiteSpace: "nowrap" }}>
                    {t("orders.no")}
                  </Table.Th>
                  <Table.Th>{t("pairs.mentor")}</Table.Th>
                  <Table.Th>{t("orders.mentees")}</Table.Th>
                  <Table.Th>{t("pairs.form")}</Table.Th>
                  <Table.Th>{t("pairs.roleModel")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.no}>
                    <Table.Td>{row.no}</Table.Td>
                    <Table.Td>{personLabel(row.mentor, erased)}</Table.Td>
                    <Table.Td>
                      {row.mentees.map((m) => (
                        <div key={m.id}>{personLabel(m, erased)}</div>
                      ))}
                    </Table.Td>
                    <Table.Td>{t(`forms.${row.form}`)}</Table.Td>
                    <Table.Td>{row.roleModel ? t(`roleModels.${row.roleModel}`) : "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" align="flex-end" mt="xl">
            <Text inherit>{data.signatory}</Text>
            <Text inherit aria-hidden>
              ____________________
            </Text>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
