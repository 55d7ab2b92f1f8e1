import type { FinancialYear } from "../financial-year";
import type { Category } from "../model";
import { formatMoney, type Pence } from "../money";

/**
 * Something a finance officer should look at, found by the budget check.
 * Flags are not errors: the model is valid and every figure was worked out;
 * they point at a charge or a typed total that does not fit.
 */
export type BudgetFlag =
  | {
      /** A partner is charged in a year and category for which it has no budget line at all. */
      readonly kind: "noBudget";
      readonly partner: string;
      readonly year: FinancialYear;
      readonly yearLabel: string;
      readonly category: Category;
      /** The service charged ("" for lines naming none). */
      readonly service: string;
      readonly amount: Pence;
    }
  | {
      /**
       * A capital charge meets only a revenue budget (or the reverse): the
       * partner set money aside, but of the wrong kind, and capital must not
       * pay for revenue costs.
       */
      readonly kind: "wrongBudgetKind";
      readonly partner: string;
      readonly year: FinancialYear;
      readonly yearLabel: string;
      readonly category: Category;
      readonly budgetCategory: Category;
      readonly service: string;
      readonly amount: Pence;
    }
  | {
      /**
       * Carry-forward was chosen, but the year after the settled year is not
       * one of the model's years: the under- or overspend was not carried
       * into any charge.
       */
      readonly kind: "settlementNotCarried";
      readonly yearLabel: string;
      readonly category: Category;
      readonly service: string;
      /** Outturn − charged. */
      readonly variance: Pence;
      /** The year it would have been carried into. */
      readonly nextYear: string;
    }
  | {
      /** A total typed by a user differs from the sum of the lines it is meant to cover. */
      readonly kind: "statedTotalDiffers";
      readonly label: string;
      readonly yearLabel: string | undefined;
      readonly stated: Pence;
      readonly linesTotal: Pence;
      /** Stated − lines. */
      readonly difference: Pence;
    }
  | {
      /** A typed total adds capital and revenue lines together, which never net off. */
      readonly kind: "statedTotalMixesCategories";
      readonly label: string;
      readonly capital: Pence;
      readonly revenue: Pence;
    }
  | {
      /**
       * A typed total adds one-off costs to ongoing annual charges (East Kent
       * Housing's £690,000 is four one-off cloud moves, four one-off splits
       * and one year of an ongoing £82,000).
       */
      readonly kind: "statedTotalMixesNatures";
      readonly label: string;
      readonly oneOff: Pence;
      readonly ongoing: Pence;
    };

function serviceText(service: string): string {
  return service === "" ? "" : ` for service "${service}"`;
}

/** The one message for each flag, naming the partner, year, line or total concerned. */
export function budgetFlagMessage(f: BudgetFlag): string {
  switch (f.kind) {
    case "noBudget":
      return (
        `Partner "${f.partner}" is charged ${formatMoney(f.amount)} of ${f.category} in ` +
        `${f.yearLabel}${serviceText(f.service)} but has no ${f.category} budget line for it.`
      );
    case "wrongBudgetKind":
      return (
        `Partner "${f.partner}" is charged ${formatMoney(f.amount)} of ${f.category} in ${f.yearLabel}${serviceText(f.service)} ` +
        `but has only a ${f.budgetCategory} budget for it; ${f.category} costs must not be charged to a ${f.budgetCategory} budget.`
      );
    case "settlementNotCarried":
      return (
        `The ${f.yearLabel} ${f.category}${serviceText(f.service)} ${f.variance < 0 ? "underspend" : "overspend"} of ` +
        `${formatMoney(Math.abs(f.variance))} could not be carried forward: ` +
        `${f.nextYear} is not one of the model's years. It is not in any charge; extend the model's last year to carry it.`
      );
    case "statedTotalDiffers":
      return (
        `Stated total "${f.label}"${f.yearLabel === undefined ? "" : ` for ${f.yearLabel}`} is ${formatMoney(f.stated)} ` +
        `but its lines add up to ${formatMoney(f.linesTotal)} (a difference of ${formatMoney(f.difference)}).`
      );
    case "statedTotalMixesCategories":
      return (
        `Stated total "${f.label}" adds ${formatMoney(f.capital)} of capital to ${formatMoney(f.revenue)} of revenue; they ` +
        `come from different budgets and should be reported separately.`
      );
    case "statedTotalMixesNatures":
      return (
        `Stated total "${f.label}" adds ${formatMoney(f.oneOff)} of one-off costs to ${formatMoney(f.ongoing)} a year of ` +
        `ongoing charges; a one-off cost and an annual charge should be reported separately.`
      );
  }
}
