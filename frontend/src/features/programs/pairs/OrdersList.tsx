import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useOrders } from "../../../api/pairs";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { formatDay } from "../progress";

/** The programme's approval orders, each with a link to its printable form. */
export function OrdersList({ programId }: { programId: number }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const orders = useOrders(programId);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} size="h4" id={headingId}>
        {t("orders.title")}
      </Title>
      {orders.isPending ? (
        <PageLoader />
      ) : orders.error ? (
        <ErrorAlert error={orders.error} />
      ) : orders.data.length === 0 ? (
        <Text c="dimmed">{t("orders.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label={t("orders.table")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("orders.number")}</Table.Th>
                <Table.Th>{t("orders.date")}</Table.Th>
                <Table.Th>{t("orders.signatory")}</Table.Th>
                <Table.Th>{t("orders.pairsCount")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.data.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Td>{order.number}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(order.signed_on, i18n.language)}</Table.Td>
                  <Table.Td>{order.signatory}</Table.Td>
                  <Table.Td>{order.pairs}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/orders/${order.id}/print`} aria-label={t("orders.printOf", { number: order.number })}>
                      {t("orders.print")}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
