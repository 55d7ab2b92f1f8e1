import type { SheetRole } from "./cells";

/**
 * The ownership marker the add-in puts on every sheet it creates, as the
 * value of the worksheet custom property `SharedApportion` (ExcelApi 1.12):
 * what the sheet is for, and for outputs a fingerprint of the values written,
 * so a later run can tell whether anyone has typed into it since.
 * A sheet without a marker is the user's and is never written to.
 */
export interface SheetMarker {
  /** Marker format version. */
  readonly v: 1;
  /** "staging" marks a hidden sheet built by a write that has not yet been swapped in. */
  readonly role: SheetRole | "staging";
  /** The sheet's purpose ("allocations", "costs", …), independent of its name. */
  readonly kind: string;
  /** Outputs: fingerprint of the values written. */
  readonly fp?: string;
}

/** The marker as the custom property's text. */
export function encodeMarker(m: SheetMarker): string {
  return JSON.stringify(m.fp === undefined ? { v: m.v, role: m.role, kind: m.kind } : { v: m.v, role: m.role, kind: m.kind, fp: m.fp });
}

const ROLES = new Set(["input", "output", "lists", "staging"]);

/** Reads a marker; undefined for a missing or foreign value. */
export function decodeMarker(text: unknown): SheetMarker | undefined {
  if (typeof text !== "string" || text === "") return undefined;
  try {
    const o: unknown = JSON.parse(text);
    if (typeof o !== "object" || o === null) return undefined;
    const r = o as Record<string, unknown>;
    if (r.v !== 1 || typeof r.role !== "string" || !ROLES.has(r.role) || typeof r.kind !== "string") return undefined;
    return { v: 1, role: r.role as SheetMarker["role"], kind: r.kind, ...(typeof r.fp === "string" ? { fp: r.fp } : {}) };
  } catch {
    return undefined;
  }
}
