import { Center, Loader } from "@mantine/core";
import { lazy, Suspense, type ReactNode } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { NotFoundPage } from "../components/NotFoundPage";
import { LoginPage } from "../features/auth/LoginPage";
import { HomePage } from "../features/home/HomePage";
import { Shell } from "./Shell";
import { useSession } from "./useSession";

// Administration and programme screens (and the chart library) load only for those who open them.
const OrganizationsPage = lazy(() =>
  import("../features/admin/organizations/OrganizationsPage").then((m) => ({ default: m.OrganizationsPage })),
);
const UsersPage = lazy(() => import("../features/admin/users/UsersPage").then((m) => ({ default: m.UsersPage })));
const ProgramsPage = lazy(() => import("../features/programs/ProgramsPage").then((m) => ({ default: m.ProgramsPage })));
const ProgramPage = lazy(() => import("../features/programs/ProgramPage").then((m) => ({ default: m.ProgramPage })));
const ParticipantsPage = lazy(() =>
  import("../features/participants/ParticipantsPage").then((m) => ({ default: m.ParticipantsPage })),
);
const ParticipantPage = lazy(() =>
  import("../features/participants/ParticipantPage").then((m) => ({ default: m.ParticipantPage })),
);
const ImportPage = lazy(() => import("../features/participants/import/ImportPage").then((m) => ({ default: m.ImportPage })));
const PlanPage = lazy(() => import("../features/programs/pairs/PlanPage").then((m) => ({ default: m.PlanPage })));
const OrderPrintPage = lazy(() =>
  import("../features/programs/pairs/OrderPrintPage").then((m) => ({ default: m.OrderPrintPage })),
);
const PairMeetingsPage = lazy(() =>
  import("../features/meetings/PairMeetingsPage").then((m) => ({ default: m.PairMeetingsPage })),
);
const MyMeetingsPage = lazy(() => import("../features/meetings/MyMeetingsPage").then((m) => ({ default: m.MyMeetingsPage })));
const SurveyPage = lazy(() => import("../features/monitoring/SurveyPage").then((m) => ({ default: m.SurveyPage })));
const SurveyTemplatesPage = lazy(() =>
  import("../features/monitoring/SurveyTemplatesPage").then((m) => ({ default: m.SurveyTemplatesPage })),
);
const MySurveyPage = lazy(() => import("../features/monitoring/MySurveyPage").then((m) => ({ default: m.MySurveyPage })));
const ReportPrintPage = lazy(() => import("../features/results/report/ReportPrintPage").then((m) => ({ default: m.ReportPrintPage })));
// The page a one-time survey link opens: no account, no shell.
const AnswerPage = lazy(() => import("../features/monitoring/AnswerPage").then((m) => ({ default: m.AnswerPage })));
// Recognition: the certificate to print, the best-practice library; the public check of a code.
const CertificatePrintPage = lazy(() =>
  import("../features/results/recognition/CertificatePrintPage").then((m) => ({ default: m.CertificatePrintPage })),
);
const PracticesPage = lazy(() => import("../features/results/recognition/PracticesPage").then((m) => ({ default: m.PracticesPage })));
const PracticePage = lazy(() => import("../features/results/recognition/PracticePage").then((m) => ({ default: m.PracticePage })));
const PracticeEditorPage = lazy(() =>
  import("../features/results/recognition/PracticeEditorPage").then((m) => ({ default: m.PracticeEditorPage })),
);
const VerifyPage = lazy(() => import("../features/results/recognition/VerifyPage").then((m) => ({ default: m.VerifyPage })));
const DashboardPage = lazy(() =>
  import("../features/results/dashboard/DashboardPage").then((m) => ({ default: m.DashboardPage })),
);
const PeriodsPage = lazy(() => import("../features/results/periods/PeriodsPage").then((m) => ({ default: m.PeriodsPage })));
const PeriodPage = lazy(() => import("../features/results/periods/PeriodPage").then((m) => ({ default: m.PeriodPage })));
const UserPage = lazy(() => import("../features/admin/users/UserPage").then((m) => ({ default: m.UserPage })));

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/answer/:token" element={<Lazy><AnswerPage /></Lazy>} />
      <Route path="/verify" element={<Lazy><VerifyPage /></Lazy>} />
      <Route path="/verify/:code" element={<Lazy><VerifyPage /></Lazy>} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="organizations" element={<Lazy><OrganizationsPage /></Lazy>} />
        <Route path="organizations/:organizationId" element={<Lazy><OrganizationsPage /></Lazy>} />
        <Route path="programs" element={<Lazy><ProgramsPage /></Lazy>} />
        <Route path="programs/:programId" element={<Lazy><ProgramPage /></Lazy>} />
        <Route path="programs/:programId/report" element={<Lazy><ReportPrintPage /></Lazy>} />
        <Route path="pairs/:pairId/plan" element={<Lazy><PlanPage /></Lazy>} />
        <Route path="pairs/:pairId/meetings" element={<Lazy><PairMeetingsPage /></Lazy>} />
        <Route path="my-meetings" element={<Lazy><MyMeetingsPage /></Lazy>} />
        <Route path="orders/:orderId/print" element={<Lazy><OrderPrintPage /></Lazy>} />
        <Route path="surveys/:surveyId" element={<Lazy><SurveyPage /></Lazy>} />
        <Route path="my-surveys/:surveyId" element={<Lazy><MySurveyPage /></Lazy>} />
        <Route path="survey-templates/:organizationId" element={<Lazy><SurveyTemplatesPage /></Lazy>} />
        <Route path="awards/:awardId/certificate" element={<Lazy><CertificatePrintPage /></Lazy>} />
        <Route path="practices" element={<Lazy><PracticesPage /></Lazy>} />
        <Route path="practices/new" element={<Lazy><PracticeEditorPage /></Lazy>} />
        <Route path="practices/:practiceId" element={<Lazy><PracticePage /></Lazy>} />
        <Route path="practices/:practiceId/edit" element={<Lazy><PracticeEditorPage /></Lazy>} />
        <Route path="participants" element={<Lazy><ParticipantsPage /></Lazy>} />
        <Route path="participants/import" element={<Lazy><ImportPage /></Lazy>} />
        <Route path="participants/:participantId" element={<Lazy><ParticipantPage /></Lazy>} />
        <Route path="results" element={<Lazy><DashboardPage /></Lazy>} />
        <Route path="results/periods" element={<Lazy><PeriodsPage /></Lazy>} />
        <Route path="results/periods/:periodId" element={<Lazy><PeriodPage /></Lazy>} />
        <Route path="users" element={<Lazy><UsersPage /></Lazy>} />
        <Route path="users/:userId" element={<Lazy><UserPage /></Lazy>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
