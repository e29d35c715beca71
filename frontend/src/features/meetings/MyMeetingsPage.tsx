import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMyMeetings, useMyPairs } from "../../api/meetings";
import { useMe } from "../../api/me";
import type { Meeting, OwnPair } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageLoader } from "../../components/PageLoader";
import { PairStatusBadge } from "../programs/pairs/PairStatusBadge";
import { usePairName } from "../programs/pairs/usePairName";
import { AgendaList } from "./AgendaList";
import { CalendarFeedsButton } from "./CalendarFeedsModal";
import { zonedParts } from "./meetingTime";
import { PairTimeline } from "./PairTimeline";
import { ownSchool } from "./seat";
import { pairTakesMeetings } from "./sequence";
import { useSchoolTimeZone } from "./useSchoolTimeZone";

const DAY = 86_400_000;

/**
 * «Мои встречи» for mentors and mentees, phone first: the weeks around today, then each of my
 * pairs with its timeline and the quick form. Each side sees its own feedback only.
 */
export function MyMeetingsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const zone = useSchoolTimeZone(me ? ownSchool(me) : null);
  if (!me || zone.pending) return <PageLoader />;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={1}>{t("meetings.mine.title")}</Title>
        <CalendarFeedsButton />
      </Group>
      <Recent timeZone={zone.timeZone} />
      <MyPairs timeZone={zone.timeZone} />
    </Stack>
  );
}

/**
 * The two months ahead, the next meeting first, then the month behind, the latest first; a
 * meeting leads to its card below.
 */
function Recent({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  // Fixed for the page's life, so that the query's key does not move with the clock.
  const [range] = useState(() => {
    const now = Date.now();
    return { now, from: new Date(now - 30 * DAY).toISOString(), to: new Date(now + 61 * DAY).toISOString() };
  });
  const meetings = useMyMeetings(range.from, range.to);
  if (meetings.isPending) return <PageLoader />;
  if (meetings.error) return <ErrorAlert error={meetings.error} />;
  const today = zonedParts(new Date(), timeZone).date;
  const ahead = meetings.data.filter((m) => new Date(m.ends_at).getTime() >= range.now);
  const past = meetings.data.filter((m) => new Date(m.ends_at).getTime() < range.now);
  const hrefOf = (m: Meeting) => `#meeting-${m.id}`;
  return (
    <>
      <Stack gap="xs" component="section" aria-labelledby="my-upcoming">
        <Title order={2} size="h3" id="my-upcoming">
          {t("meetings.mine.upcoming")}
        </Title>
        {ahead.length === 0 ? (
          <Text c="dimmed">{t("meetings.mine.noUpcoming")}</Text>
        ) : (
          <AgendaList meetings={ahead} timeZone={timeZone} today={today} hrefOf={hrefOf} />
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="my-past">
        <Title order={2} size="h3" id="my-past">
          {t("meetings.mine.past")}
        </Title>
        {past.length === 0 ? (
          <Text c="dimmed">{t("meetings.mine.noPast")}</Text>
        ) : (
          <AgendaList meetings={past} timeZone={timeZone} today={today} hrefOf={hrefOf} newestFirst />
        )}
      </Stack>
    </>
  );
}

function MyPairs({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const pairs = useMyPairs();
  if (pairs.isPending) return <PageLoader />;
  if (pairs.error) return <ErrorAlert error={pairs.error} />;
  if (pairs.data.length === 0) return <Text c="dimmed">{t("meetings.mine.noPairs")}</Text>;
  // Working pairs first, then the record of finished ones.
  const ordered = [...pairs.data].sort((a, b) => Number(pairTakesMeetings(b.status)) - Number(pairTakesMeetings(a.status)));
  return (
    <Stack gap="lg">
      {ordered.map((pair) => (
        <MyPair key={pair.id} pair={pair} timeZone={timeZone} />
      ))}
    </Stack>
  );
}

function MyPair({ pair, timeZone }: { pair: OwnPair; timeZone: string }) {
  const { t } = useTranslation();
  const { pair: nameOf } = usePairName();
  const side = pair.my_role;
  return (
    <Card withBorder padding="sm" component="section" aria-label={nameOf(pair)}>
      <Stack gap="sm">
        <div>
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h4">
              {nameOf(pair)}
            </Title>
            <PairStatusBadge status={pair.status} />
          </Group>
          <Group gap="xs" mt={4}>
            <Badge variant="outline" tt="none">
              {t(`meetings.mine.side.${side}`)}
            </Badge>
            {pair.kind === "group" && (
              <Badge variant="outline" tt="none">
                {t("pairKinds.group")}
              </Badge>
            )}
          </Group>
          {pair.goal && <Text size="sm" mt={4}>{`${t("pairs.goal")}: ${pair.goal}`}</Text>}
        </div>
        <PairTimeline pair={pair} seat={side} canWrite={pairTakesMeetings(pair.status)} timeZone={timeZone} headingOrder={3} />
      </Stack>
    </Card>
  );
}
