import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "../../../api/problem";
import type { PublicCertificate } from "../../../api/types";
import { renderWithProviders } from "../../../test/render";
import { VerifyPage } from "./VerifyPage";

const api = vi.hoisted(() => ({ verifyCertificate: vi.fn() }));
vi.mock("../../../api/publicCertificate", () => ({ ...api, publicCertificateKey: (code: string) => ["public-certificate", code] }));

function certificate(extra: Partial<PublicCertificate> = {}): PublicCertificate {
  return {
    code: "NST-AB12-CD34",
    kind: "certificate",
    title: "Сертификат участника программы наставничества",
    school_name: "МБОУ СОШ с. Кремово",
    awarded_on: "2026-11-28",
    holder: "С. М.",
    holder_shown: "initials",
    revoked: false,
    revoked_on: null,
    ...extra,
  };
}

const open = (code: string) =>
  renderWithProviders(
    <Routes>
      <Route path="/verify" element={<VerifyPage />} />
      <Route path="/verify/:code" element={<VerifyPage />} />
    </Routes>,
    { route: `/verify/${code}` },
  );

beforeEach(() => api.verifyCertificate.mockReset());

describe("VerifyPage", () => {
  it("confirms a certificate and says why a child appears by initials", async () => {
    api.verifyCertificate.mockResolvedValue(certificate());
    open("nst-ab12-cd34");
    expect(await screen.findByText("Сертификат подлинный")).toBeTruthy();
    expect(screen.getByText("МБОУ СОШ с. Кремово")).toBeTruthy();
    expect(screen.getByText("С. М.")).toBeTruthy();
    expect(screen.getByText(/показано инициалами/)).toBeTruthy();
    expect((screen.getByLabelText("Код сертификата") as HTMLInputElement).value).toBe("NST-AB12-CD34");
  });

  it("says a revoked certificate is revoked, and an unknown code is not found", async () => {
    api.verifyCertificate.mockResolvedValueOnce(certificate({ revoked: true, revoked_on: "2026-11-29", holder: "Павлов Игорь", holder_shown: "full" }));
    open("NST-AB12-CD34");
    expect(await screen.findByText("Сертификат отозван")).toBeTruthy();
    expect(screen.queryByText(/инициалами/)).toBeNull();

    api.verifyCertificate.mockRejectedValueOnce(new ApiProblem(404, { code: "certificate_not_found", status: 404 }));
    const input = screen.getByLabelText("Код сертификата");
    await userEvent.clear(input);
    await userEvent.type(input, "NST-0000-0000");
    await userEvent.click(screen.getByRole("button", { name: "Проверить" }));
    expect(await screen.findByText(/Сертификата с кодом NST-0000-0000 нет/)).toBeTruthy();
  });
});
