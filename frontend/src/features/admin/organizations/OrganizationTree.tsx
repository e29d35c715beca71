import { NavLink } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OrgNode } from "./orgTree";

interface Props {
  nodes: OrgNode[];
  selectedId: number | null;
}

/** The organisation tree as nested lists of links: plain to read for screen readers and keyboards. */
export function OrganizationTree({ nodes, selectedId }: Props) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("organizations.tree")}>
      <Branch nodes={nodes} selectedId={selectedId} depth={0} />
    </nav>
  );
}

function Branch({ nodes, selectedId, depth }: Props & { depth: number }) {
  const { t } = useTranslation();
  return (
    <ul style={{ listStyle: "none", margin: 0, paddingLeft: depth === 0 ? 0 : 16 }}>
      {nodes.map(({ organization, children }) => {
        const active = organization.id === selectedId;
        const shortName = organization.short_name && organization.short_name !== organization.name ? organization.short_name : null;
        return (
          <li key={organization.id}>
            <NavLink
              component={Link}
              to={`/organizations/${organization.id}`}
              active={active}
              aria-current={active ? "page" : undefined}
              label={organization.name}
              description={[t(`organizationKinds.${organization.kind}`), shortName].filter(Boolean).join(" · ")}
            />
            {children.length > 0 && <Branch nodes={children} selectedId={selectedId} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}
