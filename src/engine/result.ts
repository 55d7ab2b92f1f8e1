import type { EngineError } from "./errors";

/** A successful value. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** A failure carrying every problem found (never an empty list). */
export interface Err {
  readonly ok: false;
  readonly errors: readonly EngineError[];
}

/**
 * Errors are values: every engine entry point that can fail returns a `Result`
 * instead of throwing, so each edge (Excel cell, task pane, CLI) maps them once.
 */
export type Result<T> = Ok<T> | Err;

/** Wraps a value as a success. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Wraps one or more errors as a failure. */
export function err(first: EngineError, ...rest: EngineError[]): Err {
  return { ok: false, errors: [first, ...rest] };
}

/** Wraps a non-empty list of errors as a failure. */
export function errs(errors: readonly EngineError[]): Err {
  if (errors.length === 0) throw new Error("errs() needs at least one error");
  return { ok: false, errors };
}
