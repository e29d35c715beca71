/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  server: {
    // The Rust service answers the API; the dev server only serves the SPA.
    proxy: { "/api": "http://127.0.0.1:8080", "/widget": "http://127.0.0.1:8080" },
  },
  build: { outDir: "dist", chunkSizeWarningLimit: 1500 },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
  },
});
