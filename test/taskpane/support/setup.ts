/**
 * Shared set-up for the task pane component tests: jest-dom matchers and
 * unmounting after each test (vitest runs without globals, so Testing
 * Library's automatic clean-up is not registered).
 */
import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Generous: CI machines are shared and slow; a wait only ends early when the UI is ready.
configure({ asyncUtilTimeout: 20000 });

afterEach(() => {
  cleanup();
});
