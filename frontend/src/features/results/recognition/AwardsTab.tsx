import { Stack } from "@mantine/core";
import { useState } from "react";
import { useMe } from "../../../api/me";
import type { NomineeKind, Program } from "../../../api/types";
import { AwardsList } from "./AwardsList";
import { GrantAwardModal, type GrantDraft } from "./GrantAwardModal";
import { NomineesPanel } from "./NomineesPanel";
import { managesProgramme } from "./roles";

/** Stage 7's recognition of a programme: the nominees the record suggests, and the awards given. */
export function AwardsTab({ program, readOnly }: { program: Program; readOnly: boolean }) {
  const { data: me } = useMe();
  const [kind, setKind] = useState<NomineeKind>("mentor_of_the_year");
  const [draft, setDraft] = useState<GrantDraft | null>(null);
  // Nominees name children and the decision is the school's: its staff see them, the region does not.
  const staff = me ? managesProgramme(me, program.school_id) : false;
  const canGrant = staff && !readOnly;

  return (
    <Stack>
      {staff && (
        <NomineesPanel
          programId={program.id}
          kind={kind}
          onKind={setKind}
          onGrant={canGrant ? (n) => setDraft({ kind, participantId: n.participant_id ?? null, pairId: n.pair_id ?? null }) : undefined}
        />
      )}
      <AwardsList
        programId={program.id}
        canManage={canGrant}
        onGrant={canGrant ? () => setDraft({ kind: "certificate", participantId: null, pairId: null }) : undefined}
      />
      {draft && <GrantAwardModal programId={program.id} draft={draft} onClose={() => setDraft(null)} />}
    </Stack>
  );
}
