/**
 * Shared set-up for the task pane component tests: jest-dom matchers and
 * unmounting after each test (vitest runs without globals, so Testing
 * Library's automatic clean-up is not registered).
 */
import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// The whole suite runs in parallel; give async queries room on a busy machine.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
