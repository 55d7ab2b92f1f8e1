/**
 * Shared set-up for the task pane component tests: jest-dom matchers and
 * unmounting after each test (vitest runs without globals, so Testing
 * Library's automatic clean-up is not registered).
 */
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => {
  cleanup();
});
