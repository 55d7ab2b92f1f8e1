import type { PartnerServiceInput } from "../../../engine";
import { cellDecimal, cellText } from "../cell-values";
import { optText, type ReadContext } from "./table-rows";

/** The PartnerServices table read, with the sheet row of each entry (in input order). */
export interface PartnerServicesRead {
  readonly partnerServices: PartnerServiceInput[];
  readonly partnerServiceRows: { partner: string; row: number }[];
}

/** Reads each partner's service lines (an absent or empty table reads as none). */
export function readPartnerServices(ctx: ReadContext): PartnerServicesRead {
  const partnerServices: PartnerServiceInput[] = [];
  const partnerServiceRows: { partner: string; row: number }[] = [];
  for (const r of ctx.parsed.get("partnerServices")?.rows ?? []) {
    const year = optText(r.get("year"));
    const costCentre = optText(r.get("costCentre"));
    const measure = optText(r.get("measure"));
    partnerServices.push({
      partner: cellText(r.get("partner")),
      ...(year === undefined ? {} : { year }),
      service: cellText(r.get("service")),
      heading: cellText(r.get("heading")),
      ...(costCentre === undefined ? {} : { costCentre }),
      ...(measure === undefined ? {} : { measure }),
      value: cellDecimal(r.get("value")),
    });
    partnerServiceRows.push({ partner: cellText(r.get("partner")), row: r.row });
  }
  return { partnerServices, partnerServiceRows };
}
