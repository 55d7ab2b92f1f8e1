import type { PartnerInput } from "../../../engine";
import { cellDate, cellText, cellYesNo } from "../cell-values";
import { optText, type ReadContext } from "./table-rows";

/** The Partners table read: partners, those within others, and the row of each. */
export interface PartnersRead {
  readonly partners: PartnerInput[];
  readonly partnerRows: { id: string; row: number }[];
  /** Partners with "Within" filled in: they pay part of that partner's share (Lewisham Homes within Lewisham). */
  readonly withinOrder: { partner: PartnerInput; within: string }[];
  readonly withinIds: ReadonlySet<string>;
}

/** Reads the Partners table. */
export function readPartners(ctx: ReadContext): PartnersRead {
  const { parsed } = ctx;
  const invalid = ctx.invalid;
  const partners: PartnerInput[] = [];
  const partnerRows: { id: string; row: number }[] = [];
  const withinOrder: { partner: PartnerInput; within: string }[] = [];
  for (const r of parsed.get("partners")?.rows ?? []) {
    const host = cellYesNo(r.get("host"));
    if (host === undefined) invalid("partners", r, "host", r.get("host"), "Yes or No");
    const id = cellText(r.get("id"));
    const name = optText(r.get("name"));
    // Joins and Leaves: optional dates of membership (blank: always a member on that side).
    const joins = cellDate(r.get("joins"));
    const leaves = cellDate(r.get("leaves"));
    const partner: PartnerInput = {
      id,
      ...(name === undefined ? {} : { name }),
      ...(host === true ? { host: true } : {}),
      ...(joins === undefined ? {} : { joins }),
      ...(leaves === undefined ? {} : { leaves }),
    };
    const within = optText(r.get("within"));
    if (within !== undefined && id !== "") withinOrder.push({ partner, within });
    else partners.push(partner);
    partnerRows.push({ id, row: r.row });
  }
  const withinIds = new Set(withinOrder.map((w) => w.partner.id));
  return { partners, partnerRows, withinOrder, withinIds };
}
