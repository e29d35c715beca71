import { Alert, Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMe } from "../../../api/me";
import { usePair, usePlan } from "../../../api/pairs";
import { useProgram } from "../../../api/programs";
import type { Pair, Plan } from "../../../api/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { PageLoader } from "../../../components/PageLoader";
import { isClosed } from "../programStatus";
import { managesPairs } from "./pairPermissions";
import { isLive } from "./pairStatus";
import { PairStatusBadge } from "./PairStatusBadge";
import { PlanEditor } from "./PlanEditor";
import { usePairName } from "./usePairName";

/** A pair's individual development plan, reached from its row in «Пары и группы». */
export function PlanPage() {
  const pairId = Number(useParams().pairId);
  const pair = usePair(pairId);
  const plan = usePlan(pairId);
  if (pair.isPending || plan.isPending) return <PageLoader />;
  if (pair.error || plan.error) return <ErrorAlert error={pair.error ?? plan.error} />;
  return <PlanView pair={pair.data} plan={plan.data} onReload={() => void plan.refetch()} />;
}

function PlanView({ pair, plan, onReload }: { pair: Pair; plan: Plan; onReload: () => void }) {
  const { t } = useTranslation();
  const program = useProgram(pair.program_id);
  const { data: me } = useMe();
  const { pair: nameOf } = usePairName();
  const live = isLive(pair.status);
  const editable =
    live && !!program.data && !isClosed(program.data.program.status) && !!me && managesPairs(me, program.data.program.school_id);

  return (
    <Stack>
      <Anchor component={Link} to={`/programs/${pair.program_id}?tab=pairs`} size="sm">
        ← {t("plan.back")}
      </Anchor>
      <div>
        <Title order={1}>{t("plan.title")}</Title>
        <Group gap="xs" mt={4}>
          <Text fw={500}>{nameOf(pair)}</Text>
          <PairStatusBadge status={pair.status} />
        </Group>
        {program.data && (
          <Text size="sm" c="dimmed">
            {program.data.program.title}
          </Text>
        )}
        {pair.goal && <Text size="sm">{`${t("pairs.goal")}: ${pair.goal}`}</Text>}
      </div>
      {!live && <Alert color="gray">{t("plan.closed")}</Alert>}
      <PlanEditor key={plan.etag} plan={plan} readOnly={!editable} onReload={onReload} />
    </Stack>
  );
}
