import { Anchor, Text } from "@mantine/core";
import { Link } from "react-router";
import type { PairPerson } from "../../../api/types";
import { usePairName } from "./usePairName";

/** A person of a pair: the name linking to their card, and the class beside it. */
export function PersonCell({ person }: { person: PairPerson }) {
  const { person: nameOf } = usePairName();
  return (
    <Text size="sm" component="span">
      <Anchor component={Link} to={`/participants/${person.participant_id}`} size="sm" fw={500}>
        {nameOf(person)}
      </Anchor>
      {person.grade ? (
        <Text span size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {" "}
          {person.grade} {person.class_letter ?? ""}
        </Text>
      ) : null}
    </Text>
  );
}
