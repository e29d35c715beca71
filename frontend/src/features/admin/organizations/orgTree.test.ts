import { describe, expect, it } from "vitest";
import type { Organization, OrganizationKind } from "../../../api/types";
import { buildOrgTree, childKindOf } from "./orgTree";

function org(id: number, kind: OrganizationKind, parent_id: number | null, name: string): Organization {
  return {
    id,
    kind,
    parent_id,
    name,
    short_name: null,
    slug: `org-${id}`,
    time_zone: "Asia/Vladivostok",
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  };
}

const names = (nodes: ReturnType<typeof buildOrgTree>): unknown =>
  nodes.map((n) => (n.children.length ? [n.organization.name, names(n.children)] : n.organization.name));

describe("buildOrgTree", () => {
  it("nests region → institute → school and sorts siblings by Russian collation", () => {
    const tree = buildOrgTree([
      org(3, "school", 2, "МБОУ СОШ с. Кремово"),
      org(4, "school", 2, "МБОУ СОШ с. Андреевка"),
      org(2, "institute", 1, "ПК ИРО"),
      org(1, "region", null, "Приморский край"),
      org(5, "region", null, "Амурская область"),
    ]);
    expect(names(tree)).toEqual([
      "Амурская область",
      ["Приморский край", [["ПК ИРО", ["МБОУ СОШ с. Андреевка", "МБОУ СОШ с. Кремово"]]]],
    ]);
  });

  it("makes an organisation whose parent is not visible a root", () => {
    const tree = buildOrgTree([org(3, "school", 2, "МБОУ СОШ с. Кремово")]);
    expect(names(tree)).toEqual(["МБОУ СОШ с. Кремово"]);
  });

  it("returns nothing for nothing", () => {
    expect(buildOrgTree([])).toEqual([]);
  });
});

describe("childKindOf", () => {
  it("follows the fixed tree", () => {
    expect(childKindOf("region")).toBe("institute");
    expect(childKindOf("institute")).toBe("school");
    expect(childKindOf("school")).toBeNull();
  });
});
