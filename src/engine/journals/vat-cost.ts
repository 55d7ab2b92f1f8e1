import type { ChargeRow } from "../budget/charge-rows";
import type { ModelInput } from "../model";
import type { Pence } from "../money";
import { ok, type Result } from "../result";
import { INSTALMENTS_PER_YEAR, splitInstalments } from "./instalments";
import { prepareJournals, type PreparedJournals } from "./prepare";
import { VAT_TREATMENTS, vatOn, type VatTreatment } from "./vat";

/**
 * What VAT each charge bears and who can recover it, from a model's journals
 * inputs (docs/journals.md, "VAT in the figures"). A section 33 body
 * recovers the VAT it is charged, so its cost is the net; any other body (an
 * ALMO, a company) cannot, so the VAT is a real cost to it and belongs in
 * its budget check and in "do no harm".
 */
export interface VatCosts {
  /** True for a section 33 body (a partner without a Ledgers row is one). */
  readonly section33: (partner: string) => boolean;
  /**
   * The VAT on one charge as the host invoices it: the charge split into the
   * partner's instalments, VAT rounded to the penny on each, added up. So a
   * partner's VAT for the journal year equals its invoices' VAT exactly.
   */
  readonly vat: (row: ChargeRow) => Pence;
  /** The VAT on one charge that its partner cannot recover: `vat` for a body that is not a section 33 body, else 0. */
  readonly irrecoverable: (row: ChargeRow) => Pence;
  /** The VAT treatment recorded for a cost line ("outside" when none is). */
  readonly treatment: (line: string) => VatTreatment;
  /** True when some partner with a Ledgers row is not a section 33 body. */
  readonly anyIrrecoverable: boolean;
}

/** The partners and cost lines journals inputs may name: the model's, within partners', and those its scenarios add. */
export function journalsNames(model: ModelInput): { partners: string[]; lines: string[] } {
  const partners = [...model.partners.map((p) => p.id), ...(model.withinPartners ?? []).map((w) => w.partner.id)];
  // Coding for a partner or line a stored scenario adds (Lewisham Homes joining) is kept, not an error.
  const changes = (model.scenarios ?? []).flatMap((s) => s.changes);
  const added = changes.flatMap((c) => (c.kind === "addPartner" ? [c.partner.id] : []));
  const addedLines = changes.flatMap((c) => (c.kind === "addLine" ? [c.line.ref] : []));
  return { partners: [...new Set([...partners, ...added])], lines: [...model.costLines.map((l) => l.ref), ...addedLines] };
}

/** VAT costs from already-checked journals inputs. */
export function vatCostsOf(prep: PreparedJournals, partners: readonly string[]): VatCosts {
  const treatmentOf = (line: string): VatTreatment => prep.vat.get(line) ?? "outside";
  const vat = (row: ChargeRow): Pence => {
    const treatment = treatmentOf(row.lineRef);
    if (treatment === "outside" || row.amount === 0) return 0;
    const count = INSTALMENTS_PER_YEAR[prep.ledger(row.partner).frequency];
    return splitInstalments(row.amount, count).reduce((s, part) => s + vatOn(part, treatment), 0);
  };
  const section33 = (partner: string): boolean => prep.ledger(partner).section33;
  return {
    section33,
    vat,
    irrecoverable: (row) => (section33(row.partner) ? 0 : vat(row)),
    treatment: treatmentOf,
    anyIrrecoverable: partners.some((p) => !section33(p)),
  };
}

/**
 * The model's VAT costs, or undefined for a model without journals inputs
 * (its figures are net, as before). Errors in the journals inputs are
 * returned, located, so a caller can say the VAT could not be included.
 */
export function vatCosts(model: ModelInput): Result<VatCosts> | undefined {
  if (model.journals === undefined) return undefined;
  const { partners, lines } = journalsNames(model);
  const prep = prepareJournals(model.journals, partners, lines);
  return prep.ok ? ok(vatCostsOf(prep.value, partners)) : prep;
}

/** Each charge as a cost to its partner: the net plus the VAT it cannot recover. */
export function costRows(rows: readonly ChargeRow[], costs: VatCosts): ChargeRow[] {
  return rows.map((r) => {
    const extra = costs.irrecoverable(r);
    return extra === 0 ? r : { ...r, amount: r.amount + extra };
  });
}

/** Net, VAT and gross of some charges, with the VAT their partner cannot recover. */
export interface VatFigures {
  readonly net: Pence;
  readonly vat: Pence;
  /** net + vat. */
  readonly gross: Pence;
  /** The VAT a body that is not a section 33 body bears as a cost (0 for a section 33 body). */
  readonly irrecoverable: Pence;
}

/** One partner's VAT: by year, by VAT treatment and in all, for its statement and the committee. */
export interface PartnerVat {
  readonly partner: string;
  readonly section33: boolean;
  readonly years: readonly (VatFigures & { readonly year: number; readonly yearLabel: string })[];
  /** Only the treatments its charges have, in the order of VAT_TREATMENTS. */
  readonly treatments: readonly (VatFigures & { readonly treatment: VatTreatment })[];
  readonly total: VatFigures;
}

const NONE: VatFigures = { net: 0, vat: 0, gross: 0, irrecoverable: 0 };

function plus(a: VatFigures, net: Pence, vat: Pence, irrecoverable: Pence): VatFigures {
  return { net: a.net + net, vat: a.vat + vat, gross: a.gross + net + vat, irrecoverable: a.irrecoverable + irrecoverable };
}

/**
 * A partner's charges with their VAT, each charge's VAT worked out as the
 * host invoices it (see {@link VatCosts.vat}), added up by year and by
 * treatment: both add up to the same total, and net + VAT = gross in each.
 */
export function partnerVat(rows: readonly ChargeRow[], costs: VatCosts, partner: string): PartnerVat {
  const years = new Map<number, VatFigures & { year: number; yearLabel: string }>();
  const treatments = new Map<VatTreatment, VatFigures>();
  let total = NONE;
  for (const r of rows) {
    if (r.partner !== partner) continue;
    const vat = costs.vat(r);
    const lost = costs.irrecoverable(r);
    const y = years.get(r.year) ?? { ...NONE, year: r.year, yearLabel: r.yearLabel };
    years.set(r.year, { ...plus(y, r.amount, vat, lost), year: r.year, yearLabel: r.yearLabel });
    const t = costs.treatment(r.lineRef);
    treatments.set(t, plus(treatments.get(t) ?? NONE, r.amount, vat, lost));
    total = plus(total, r.amount, vat, lost);
  }
  return {
    partner,
    section33: costs.section33(partner),
    years: [...years.values()].sort((a, b) => a.year - b.year),
    treatments: VAT_TREATMENTS.flatMap((t) => {
      const f = treatments.get(t);
      return f === undefined ? [] : [{ ...f, treatment: t }];
    }),
    total,
  };
}
