import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMe } from "../../api/me";
import { usePair } from "../../api/pairs";
import { useProgram } from "../../api/programs";
import type { Pair } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { managesPairs } from "../programs/pairs/pairPermissions";
import { PairStatusBadge } from "../programs/pairs/PairStatusBadge";
import { usePairName } from "../programs/pairs/usePairName";
import { formatDay } from "../programs/progress";
import { isClosed } from "../programs/programStatus";
import { PairTimeline } from "./PairTimeline";
import { useSchoolTimeZone } from "./useSchoolTimeZone";

/** A pair's meetings for the school's staff, reached from the pairs list, the calendar and the alerts. */
export function PairMeetingsPage() {
  const pairId = Number(useParams().pairId);
  const pair = usePair(pairId);
  if (pair.isPending) return <PageLoader />;
  if (pair.error) return <ErrorAlert error={pair.error} />;
  return <PairMeetings pair={pair.data} />;
}

function PairMeetings({ pair }: { pair: Pair }) {
  const { t, i18n } = useTranslation();
  const program = useProgram(pair.program_id);
  const { data: me } = useMe();
  const { pair: nameOf } = usePairName();
  const schoolId = program.data?.program.school_id ?? null;
  const zone = useSchoolTimeZone(schoolId);
  const canWrite = !!program.data && !isClosed(program.data.program.status) && !!me && managesPairs(me, program.data.program.school_id);

  return (
    <Stack>
      <Group gap="md">
        <Anchor component={Link} to={`/programs/${pair.program_id}?tab=pairs`} size="sm">
          ← {t("meetings.backToPairs")}
        </Anchor>
        <Anchor component={Link} to={`/programs/${pair.program_id}?tab=meetings`} size="sm">
          {t("meetings.toCalendar")}
        </Anchor>
      </Group>
      <div>
        <Title order={1}>{t("meetings.pairTitle")}</Title>
        <Group gap="xs" mt={4}>
          <Text fw={500}>{nameOf(pair)}</Text>
          <PairStatusBadge status={pair.status} />
        </Group>
        {program.data && (
          <Text size="sm" c="dimmed">
            {program.data.program.title}
          </Text>
        )}
        {pair.order && (
          <Text size="sm" data-testid="pair-order">
            {t("meetings.approvedBy", { number: pair.order.number, date: formatDay(pair.order.signed_on, i18n.language) })}
          </Text>
        )}
        {pair.goal && <Text size="sm">{`${t("pairs.goal")}: ${pair.goal}`}</Text>}
        <Anchor component={Link} to={`/pairs/${pair.id}/plan`} size="sm">
          {t("pairs.plan")}
        </Anchor>
      </div>
      {program.isPending || zone.pending ? (
        <PageLoader />
      ) : (
        <PairTimeline pair={pair} seat="staff" canWrite={canWrite} timeZone={zone.timeZone} />
      )}
    </Stack>
  );
}
