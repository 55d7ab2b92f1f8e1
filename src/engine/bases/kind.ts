import type { Decimal } from "../decimal";
import type { EngineError, Where } from "../errors";
import type { FinancialYear } from "../financial-year";
import type { Weight } from "../largest-remainder";
import type { ModelInput, PartnerInput } from "../model";
import type { Result } from "../result";
import type { PreparedSupportModel, SupportMethod } from "../support/support-types";

// What one kind of basis is, in one place: how it is written and read, how it is said, what it offers in a
// drop-down, and what it gives each partner of a line-year. Each kind is one file beside this one and
// registry.ts lists them; nothing else switches on a basis's kind (docs/architecture.md, "Where to change what").
// This file imports nothing that names the kinds, so the prepared model can take its BasisRef from the
// registry without an import loop.

/** Any basis reference: each kind's own reference has its kind and what it names. */
export interface AnyBasisRef {
  readonly kind: string;
}

/** The ids a basis reference may name, by what they are (a model's, when reading its lines). */
export interface KnownIds {
  readonly partners: ReadonlySet<string>;
  readonly drivers: ReadonlySet<string>;
  readonly percentages: ReadonlySet<string>;
  readonly mixes: ReadonlySet<string>;
  /** Support service ids (absent: the model has none). */
  readonly services?: ReadonlySet<string>;
}

/** A driver's figures as a basis reads them (a validated driver has them). */
export interface DriverFigures {
  readonly label: string;
  readonly illustrative: boolean;
  /** Values by year (`undefined` key = every year). */
  readonly byYear: ReadonlyMap<FinancialYear | undefined, ReadonlyMap<string, Decimal>>;
}

/** One part of a basis made of parts (a mix): another basis and its weight in percent. */
export interface BasisPart {
  readonly source: AnyBasisRef;
  readonly weight: Decimal;
}

/** What a basis reads from a validated model (a PreparedModel has all of it). */
export interface BasisData {
  readonly drivers: ReadonlyMap<string, DriverFigures>;
  readonly percentages: ReadonlyMap<string, ReadonlyMap<string, Decimal>>;
  readonly mixes: ReadonlyMap<string, readonly BasisPart[]>;
  readonly support?: PreparedSupportModel;
}

/** The line-year a basis is resolved for. */
export interface LineYearContext {
  readonly data: BasisData;
  readonly fy: FinancialYear;
  /** The line's partners, sorted by id: every figure is aligned with them. */
  readonly partners: readonly string[];
  readonly at: Where;
}

/** A basis's figure for each partner of a line-year, and what the figures are called. */
export interface BasisFigures {
  readonly values: readonly Decimal[];
  readonly label: string;
}

/** How £1 of a support service's own cost reached the partners of a line-year, for the trace. */
export interface SupportShareDetail {
  readonly service: string;
  readonly method: SupportMethod;
  /** Of £1 of the service's cost, how much became part of each service's solved total (pounds, as text). */
  readonly through: readonly { readonly service: string; readonly amount: string }[];
  /** Each service's use by each partner (aligned with `values`), as a percentage text. */
  readonly usage: readonly { readonly service: string; readonly percents: readonly string[] }[];
  /** Each partner's part of £1, as a percentage text (aligned with `values`). */
  readonly percents: readonly string[];
}

/** A basis that works out its whole-number weights itself (not from figures): a support service's cost. */
export interface OwnWeights {
  readonly weights: readonly Weight[];
  readonly label: string;
  /** The figures behind the weights, aligned with the partners. */
  readonly values: readonly Decimal[];
  readonly support?: SupportShareDetail;
}

/** How a line-year's basis is resolved: its figures, its parts (each resolved in turn), or its own weights. */
export type BasisResolution =
  | { readonly by: "figures"; readonly figures: BasisFigures }
  | { readonly by: "parts"; readonly parts: readonly BasisPart[] }
  | { readonly by: "own"; readonly own: OwnWeights };

/** An entry a drop-down offers for a basis: the reference stored and the text shown. */
export interface BasisChoice {
  readonly value: string;
  readonly text: string;
  /** Where two kinds share one place in the list (percentages and mixes, in the model's order): the entry's position. */
  readonly at?: number;
}

/** The parts of a model a basis's drop-down entries are made from. */
export type BasisChoiceModel = Pick<ModelInput, "drivers" | "bases" | "support"> & { readonly partners: readonly PartnerInput[] };

/** What a basis is said with, in the sheets, statements and the pack. */
export interface WordsContext {
  readonly model: ModelInput;
  /** Partner id → name. */
  readonly names: ReadonlyMap<string, string>;
  /** The engine's own label of the component (the words of a kind with nothing better to say). */
  readonly label: string;
  /** " (all zero: split equally)" when every figure was zero and the split fell back to equal shares, else "". */
  readonly fellBack: string;
}

/** A within partner's own figures (partners carved out of a parent's share), by driver and by percentages basis. */
export interface WithinFigures {
  readonly drivers: ReadonlyMap<string, Decimal>;
  readonly percentages: ReadonlyMap<string, Decimal>;
}

/**
 * How a basis reference is written: with a prefix and an id ("direct:LEW"), as a word on its own ("equal", the id
 * of a percentages basis), or either ("driver:users" or "users").
 */
export interface BasisSyntax<R> {
  readonly prefixed?: {
    /** "direct" for "direct:<partner>" (read case-insensitively). */
    readonly prefix: string;
    /** The reference for the id after the prefix, unchecked (the words and the trace read canonical text back). */
    of(id: string): R;
    /** Why the id is not one the model knows, or undefined when it is. */
    unknown(id: string, known: KnownIds, at: Where): EngineError | undefined;
    /** What to suggest for a bare id that is one of this kind's (`support:ICT` for `ICT`), if anything. */
    suggest?(id: string, known: KnownIds): string | undefined;
  };
  readonly bare?: {
    /** Bare words are tried in rank order (lowest first): an id that is both a percentages basis and a driver is the basis. */
    readonly rank: number;
    /** The reference a bare word names, or undefined when it names none of this kind. */
    read(text: string, known: KnownIds): R | undefined;
  };
}

/** One kind of basis: everything the engine, the workbook layer and the pane need to know of it. */
export interface BasisKind<R extends AnyBasisRef> {
  readonly kind: R["kind"];
  readonly syntax: BasisSyntax<R>;
  /** Words a named basis may not take as its id, because this kind reads them ("equal"). */
  readonly reserved?: readonly string[];
  /** The canonical text of a reference, as outputs show it and the trace carries it. */
  text(ref: R): string;
  /** One component of a basis in the reader's words ("Direct charge to Brent"). */
  words(ref: R, c: WordsContext): string;
  /** The entries the Lists sheet and the pane's basis picker offer for this kind in a model. */
  choices(model: BasisChoiceModel): readonly BasisChoice[];
  /** How the basis gives each partner of a line-year its part. */
  resolve(ref: R, ctx: LineYearContext): Result<BasisResolution>;
  /** Why it cannot be a part of a mix ("a support service"), or undefined when it can. */
  readonly notInMix?: string;
  /**
   * How the refusal of a part a mix cannot hold names this kind among the examples of what it can ("direct:<partner>",
   * "a percentages basis"). Absent: not named there (the message keeps its words when a kind is added).
   */
  readonly mixExample?: string;
  /** True when its figures are percentages (written "74%" in a version's words). */
  readonly percentFigures: boolean;
  /** The drivers the reference itself draws on (not a mix's parts). */
  drivers?(ref: R): readonly string[];
  /** A within partner's figure for it (undefined: zero, as for equal shares and direct charges). */
  withinFigure?(ref: R, w: WithinFigures): Decimal | undefined;
  /** What it does with one named partner, for the scenario and validation rules (absent: it names none). */
  readonly partner?: {
    /** The partner it names. */
    of(ref: R): string;
    /** True when the whole cost is that partner's (it must share the line, and may not be part of a year it was not a member). */
    readonly chargedWholly: boolean;
    /** What the basis becomes when that partner leaves: another reference, or "refuse" (the line must be changed first). */
    leaves(ref: R): AnyBasisRef | "refuse";
  };
}
