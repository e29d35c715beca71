import type { Organization, OrganizationKind } from "../../../api/types";

export interface OrgNode {
  organization: Organization;
  children: OrgNode[];
}

/**
 * Nests the flat list the API returns into region → institute → school. An organisation whose
 * parent the caller cannot see becomes a root, so a school curator still sees their school.
 */
export function buildOrgTree(organizations: readonly Organization[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>();
  for (const organization of organizations) nodes.set(organization.id, { organization, children: [] });

  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.organization.parent_id ?? null;
    const parent = parentId === null ? undefined : nodes.get(parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  sortTree(roots);
  return roots;
}

const collator = new Intl.Collator("ru", { numeric: true });

function sortTree(nodes: OrgNode[]) {
  nodes.sort((a, b) => collator.compare(a.organization.name, b.organization.name));
  for (const node of nodes) sortTree(node.children);
}

/** The kind of organisation that may be created under one of `kind`: the tree is fixed. */
export function childKindOf(kind: OrganizationKind): OrganizationKind | null {
  if (kind === "region") return "institute";
  if (kind === "institute") return "school";
  return null;
}
