import { useOrganization } from "../../api/organizations";
import { browserTimeZone } from "./meetingTime";

/**
 * The school's IANA zone (anyone in its subtree may read the school). Pending while it loads;
 * the browser's zone when there is no school or it cannot be read.
 */
export function useSchoolTimeZone(schoolId: number | null): { timeZone: string; pending: boolean } {
  const school = useOrganization(schoolId);
  return {
    timeZone: school.data?.organization.time_zone || browserTimeZone(),
    pending: schoolId !== null && school.isPending,
  };
}
