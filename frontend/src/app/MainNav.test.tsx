import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Me, Role } from "../api/types";
import { renderWithProviders } from "../test/render";
import { MainNav } from "./MainNav";

function me(roles: Role[], isSystemAdmin = false): Me {
  return {
    id: 1,
    email: "someone@demo.nastavnik.ru",
    full_name: "Someone",
    is_system_admin: isSystemAdmin,
    memberships: roles.map((role, i) => ({
      id: i + 1,
      user_id: 1,
      organization_id: 10,
      organization_name: "МБОУ СОШ с. Кремово",
      organization_kind: "school",
      role,
    })),
  };
}

const links = () => screen.getAllByRole("link").map((a) => a.textContent);

describe("MainNav", () => {
  it("shows a curator the overview and the programmes", () => {
    renderWithProviders(<MainNav me={me(["curator"])} onNavigate={() => {}} />);
    expect(links()).toEqual(["Обзор", "Программы", "Лучшие практики", "Участники"]);
  });

  it("shows a mentor the overview and their own meetings", () => {
    renderWithProviders(<MainNav me={me(["mentor", "mentee"])} onNavigate={() => {}} />);
    expect(links()).toEqual(["Обзор", "Мои встречи", "Лучшие практики"]);
  });

  it("shows administrators programmes, organisations and users", () => {
    renderWithProviders(<MainNav me={me(["school_admin"])} onNavigate={() => {}} />);
    expect(links()).toEqual(["Обзор", "Программы", "Лучшие практики", "Участники", "Организации", "Пользователи"]);
  });

  it("treats the system admin flag as administering without any role", () => {
    renderWithProviders(<MainNav me={me([], true)} onNavigate={() => {}} />);
    expect(links()).toContain("Организации");
  });
});
