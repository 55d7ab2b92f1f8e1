import type { Where } from "../errors";
import { isBlank, showInput, type Decimal } from "../decimal";
import type { PartnerInput } from "../model";
import { errs, ok, type Result } from "../result";
import { DIRECT } from "./direct";
import { DRIVER } from "./driver";
import { EQUAL } from "./equal";
import type {
  AnyBasisRef,
  BasisChoice,
  BasisChoiceModel,
  BasisKind,
  BasisResolution,
  KnownIds,
  LineYearContext,
  WithinFigures,
  WordsContext,
} from "./kind";
import { MIX } from "./mix";
import { PERCENTAGES } from "./percentages";
import { SUPPORT } from "./support";

// The kinds of basis, in the order the Lists sheet and the pane's picker offer them and messages list them.
// Adding a kind is its own file beside this one and one entry here (docs/architecture.md, "Where to change what").

/** Every kind of basis. */
export const BASIS_KINDS = [EQUAL, DIRECT, DRIVER, PERCENTAGES, MIX, SUPPORT] as const;

/** A basis reference after validation: one of the kinds' own references. */
export type BasisRef = (typeof BASIS_KINDS)[number] extends infer K ? (K extends BasisKind<infer R> ? R : never) : never;

const KINDS: readonly BasisKind<AnyBasisRef>[] = BASIS_KINDS;
const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));
const BARE = KINDS.flatMap((k) => (k.syntax.bare === undefined ? [] : [{ kind: k, rank: k.syntax.bare.rank }])).sort(
  (a, b) => a.rank - b.rank,
);

/** The descriptor of a reference's kind (every reference the engine makes is of a listed kind). */
function kindOf(ref: AnyBasisRef): BasisKind<AnyBasisRef> {
  const k = BY_KIND.get(ref.kind);
  if (k === undefined) throw new Error(`No basis kind "${ref.kind}"`);
  return k;
}

/** A reference a descriptor made, as the registry's union (its kind is one of the listed ones). */
function asRef(ref: AnyBasisRef): BasisRef {
  return ref as BasisRef;
}

/** Basis ids a model may not define, because a kind already gives them a meaning. */
export const RESERVED_BASES: ReadonlySet<string> = new Set(KINDS.flatMap((k) => k.reserved ?? []));

/** The kind whose prefix a text starts with ("direct" of "Direct: LEW"), and the id after it. */
function prefixed(text: string): { kind: BasisKind<AnyBasisRef>; id: string } | undefined {
  const colon = text.indexOf(":");
  if (colon <= 0) return undefined;
  const head = text.slice(0, colon).trim().toLowerCase();
  const kind = KINDS.find((k) => k.syntax.prefixed?.prefix === head);
  return kind === undefined ? undefined : { kind, id: text.slice(colon + 1).trim() };
}

/** The first kind, by rank, that reads a bare word. */
function bare(text: string, known: KnownIds): BasisRef | undefined {
  for (const { kind } of BARE) {
    const ref = kind.syntax.bare?.read(text, known);
    if (ref !== undefined) return asRef(ref);
  }
  return undefined;
}

/**
 * Reads a basis reference: a kind's prefix and an id ("direct:<partner>", "driver:<driver>", "support:<service>")
 * or a bare word ("equal", the id of a defined percentages or mix basis, a driver's id).
 */
export function parseBasisRef(text: unknown, known: KnownIds, at: Where): Result<BasisRef> {
  if (isBlank(text)) return errs([{ kind: "missingValue", at }]);
  if (typeof text !== "string") return errs([{ kind: "unknownBasis", basis: showInput(text), at }]);
  const t = text.trim();
  const p = prefixed(t);
  if (p !== undefined) {
    const syntax = p.kind.syntax.prefixed;
    const problem = syntax?.unknown(p.id, known, at);
    if (syntax !== undefined) return problem === undefined ? ok(asRef(syntax.of(p.id))) : errs([problem]);
  }
  const ref = bare(t, known);
  if (ref !== undefined) return ok(ref);
  const similar = KINDS.map((k) => k.syntax.prefixed?.suggest?.(t, known)).find((s) => s !== undefined);
  return errs([{ kind: "unknownBasis", basis: t, ...(similar === undefined ? {} : { similar }), at }]);
}

/** The canonical text of a basis reference, as shown in outputs. */
export function basisRefText(ref: BasisRef): string {
  return kindOf(ref).text(ref);
}

/** The ids a model's inputs define, as a basis reference may name them. */
export function knownIdsOf(model: BasisChoiceModel): KnownIds {
  const bases = model.bases ?? [];
  return {
    partners: new Set(model.partners.map((p) => p.id.trim())),
    drivers: new Set((model.drivers ?? []).map((d) => d.id.trim())),
    percentages: new Set(bases.filter((b) => b.kind === "percentages").map((b) => b.id.trim())),
    mixes: new Set(bases.filter((b) => b.kind === "mix").map((b) => b.id.trim())),
    services: new Set((model.support?.services ?? []).map((s) => s.id.trim())),
  };
}

/**
 * A basis as the outputs and the trace write it ("direct:LEW", "driver:users", "IAA") read back without
 * checking it: a prefixed id is taken as it is, a bare word by the model's ids. Undefined when it names nothing.
 */
export function readBasisText(text: string, model: BasisChoiceModel): BasisRef | undefined {
  const t = text.trim();
  const p = prefixed(t);
  const of = p?.kind.syntax.prefixed?.of(p.id);
  return of !== undefined ? asRef(of) : bare(t, knownIdsOf(model));
}

/** Every basis a cost line can name in a model, as drop-down entries: each kind's, in the registry's order. */
export function basisChoices(model: BasisChoiceModel): BasisChoice[] {
  const all = KINDS.flatMap((k) => k.choices(model));
  // Entries that carry their place (percentages and mixes) keep the model's order among them, where the first falls.
  const placed = all.filter((c) => c.at !== undefined).sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  const first = all.findIndex((c) => c.at !== undefined);
  const out = all.filter((c) => c.at === undefined);
  if (first >= 0) out.splice(first, 0, ...placed);
  return out.map(({ value, text }) => ({ value, text }));
}

/** The entries that name a partner (a partner a scenario adds can be charged directly). */
export function partnerBasisChoices(partners: readonly PartnerInput[]): BasisChoice[] {
  return KINDS.filter((k) => k.partner !== undefined).flatMap((k) => k.choices({ partners }).map(({ value, text }) => ({ value, text })));
}

/** One component of a basis in the reader's words, from its canonical text; the engine's label when it names nothing known. */
export function basisComponentWords(source: string, c: WordsContext): string {
  const ref = readBasisText(source, c.model);
  return ref === undefined ? c.label : kindOf(ref).words(ref, c);
}

/** How a line-year's basis gives each partner its part. */
export function resolveBasis(ref: BasisRef, ctx: LineYearContext): Result<BasisResolution> {
  return kindOf(ref).resolve(ref, ctx);
}

/** A part of a mix as the registry's union (a mix's parts are references the validator read). */
export function partRef(part: AnyBasisRef): BasisRef {
  return asRef(part);
}

/**
 * Why a text cannot be a part of a mix, by its prefix ("support:ICT": a support service's cost is redistributed by
 * the support method, not weighted), with examples of what can; undefined when its kind may be.
 */
export function mixRefusal(text: unknown): { refused: string; expected: string } | undefined {
  if (typeof text !== "string") return undefined;
  const refused = prefixed(text.trim())?.kind.notInMix;
  if (refused === undefined) return undefined;
  const may = KINDS.flatMap((k) => (k.notInMix === undefined && k.mixExample !== undefined ? [k.mixExample] : []));
  const list = may.length > 1 ? `${may.slice(0, -1).join(", ")} or ${may[may.length - 1] ?? ""}` : (may[0] ?? "");
  return { refused, expected: `${list} (${refused} cannot be part of a mix)` };
}

/** The partner a basis charges the whole cost to ("direct:LEW"), or undefined. */
export function chargedWhollyTo(ref: BasisRef): string | undefined {
  const k = kindOf(ref);
  return k.partner?.chargedWholly === true ? k.partner.of(ref) : undefined;
}

/** The partner a basis names, or undefined. */
export function partnerNamed(ref: BasisRef): string | undefined {
  return kindOf(ref).partner?.of(ref);
}

/** What a basis that names a partner becomes when that partner leaves: another basis, or "refuse". */
export function whenNamedPartnerLeaves(ref: BasisRef): BasisRef | "refuse" {
  const after = kindOf(ref).partner?.leaves(ref) ?? ref;
  return after === "refuse" ? after : asRef(after);
}

/** A within partner's figure for one source of a basis (zero for equal shares and direct charges). */
export function withinFigure(ref: BasisRef, w: WithinFigures): Decimal | undefined {
  return kindOf(ref).withinFigure?.(ref, w);
}

/** The drivers a reference itself draws on (a mix's parts not included). */
export function basisDrivers(ref: BasisRef): readonly string[] {
  return kindOf(ref).drivers?.(ref) ?? [];
}

/** True when a basis's figures are percentages. */
export function percentFigures(ref: BasisRef): boolean {
  return kindOf(ref).percentFigures;
}
