import * as React from "react";
import {
  Field,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { supportMethodWords, Decimal, parseDecimal, partnerNames } from "../../app";
import type { SupportMethodComparison, SupportYear } from "../../engine";
import { NoRunNotice } from "../components/NoRunNotice";
import { Notice } from "../components/Notice";
import { ScreenHeading } from "../components/ScreenHeading";
import { StaleNotice } from "../components/StaleNotice";
import { categoryWords, formatDifference, formatExactPounds, formatMoney, partnerWords } from "../format";
import { useModelRun } from "../hooks/useModelRun";
import { useScreenStyles } from "../styles";

/**
 * An exact flow in pounds from the engine ("14583.3333333333…") to the nearest penny, "£14,583.33", rounded half up from
 * the engine's exact decimal (never through a float); the flows are exact shares of a cost, shown as money.
 */
export function toPenny(text: string): string {
  const d = parseDecimal(text.replace("…", ""));
  if (d === undefined) return formatExactPounds(text);
  return formatExactPounds(d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
}

/**
 * Support: where the support services' costs go. For a chosen year and
 * category, each service's own cost, what it received from the other
 * services and the total it passed on, with its flows to the other services
 * and to the partners; then each partner's support charges under the three
 * methods side by side ("how much does the choice of method move each
 * council's charge?").
 */
export function SupportScreen(): React.JSX.Element {
  const s = useScreenStyles();
  const run = useModelRun();
  const [pick, setPick] = React.useState("0");
  if (run.kind !== "ready") {
    return (
      <section className={s.screen} aria-labelledby="support-title">
        <ScreenHeading id="support-title" title="Support services" />
        <StaleNotice />
        <NoRunNotice run={run} what="the support services" />
      </section>
    );
  }
  const { outputs } = run;
  const report = outputs.run.result.support;
  // The model says whether it has support services, whether or not a run has worked out their flows yet.
  const services = outputs.run.model.support?.services ?? [];
  if (report === undefined && services.length > 0) {
    return (
      <section className={s.screen} aria-labelledby="support-title">
        <ScreenHeading id="support-title" title="Support services" />
        <StaleNotice />
        <Notice intent="info">
          {`This model has ${services.length} support service${services.length === 1 ? "" : "s"} (` +
            `${services.map((x) => (x.label ? `${x.label} (${x.id})` : x.id)).join(", ")}). Their flows and the three methods ` +
            "side by side show here once the model has been calculated: Calculate on the Run screen."}
        </Notice>
      </section>
    );
  }
  if (report === undefined) {
    return (
      <section className={s.screen} aria-labelledby="support-title">
        <ScreenHeading id="support-title" title="Support services" />
        <Notice intent="info">
          This model has no support services. Services that serve each other (ICT serving HR, HR serving ICT) go on the Support sheet, and
          their cost lines on the Costs sheet take the basis support:&lt;service&gt;. The East Kent Services sample shows how.
        </Notice>
      </section>
    );
  }
  const names = partnerNames(outputs.run.model);
  const year = report.years[Number(pick)] ?? report.years[0];
  return (
    <section className={s.screen} aria-labelledby="support-title">
      <ScreenHeading
        id="support-title"
        title="Support services"
        intro={
          `${outputs.scenario ? `Scenario "${outputs.scenario}"` : "Base model"}: recharged by the ` +
          `${report.method} method` +
          `${report.method === "step-down" ? ` (order ${report.order.join(", ")})` : ""}.`
        }
      />
      <StaleNotice />
      {year === undefined ? (
        <Notice intent="info">No support-service costs fall in the model&apos;s years.</Notice>
      ) : (
        <>
          <Field label="Year and category" size="small">
            <Select size="small" value={pick} onChange={(_, d) => setPick(d.value)}>
              {report.years.map((y, i) => (
                <option key={`${y.yearLabel}-${y.category}`} value={String(i)}>
                  {`${y.yearLabel} ${categoryWords(y.category).toLowerCase()}`}
                </option>
              ))}
            </Select>
          </Field>
          <FlowsTables year={year} names={names} />
        </>
      )}
      {outputs.supportMethods === undefined ? null : <MethodTable m={outputs.supportMethods} names={names} />}
    </section>
  );
}

function FlowsTables({ year, names }: { year: SupportYear; names: ReadonlyMap<string, string> }): React.JSX.Element {
  const s = useScreenStyles();
  const label = `Support services in ${year.yearLabel}, ${year.category}`;
  return (
    <div className={s.stack}>
      {year.services.map((svc) => {
        const id = `support-${svc.service}`.replace(/\W+/g, "-");
        return (
          <section key={svc.service} aria-labelledby={id}>
            <Subtitle2 as="h3" id={id}>
              {svc.label} ({svc.service})
            </Subtitle2>
            <Text as="p" block size={200}>
              Own cost {formatMoney(svc.ownCost)}; received {toPenny(svc.received.text)} from the other services; passed on{" "}
              {toPenny(svc.total.text)} in all (flows to the nearest penny; each charge is rounded on its own).
            </Text>
            <Table className={s.table} size="extra-small" aria-label={`${label}: where ${svc.label}'s cost went`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">To</TableHeaderCell>
                  <TableHeaderCell scope="col" className={s.money}>
                    Amount
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {svc.flows.map((f) => (
                  <TableRow key={f.to}>
                    <TableCell>{f.toService ? `${f.to} (service)` : partnerWords(f.to, names)}</TableCell>
                    <TableCell className={s.money}>{toPenny(f.amount.text)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        );
      })}
      <Text as="p" block size={200}>
        Charged to the partners (each cost line rounded on its own):{" "}
        {year.charged.map((c) => `${partnerWords(c.partner, names)} ${formatMoney(c.amount)}`).join(", ")}.
      </Text>
    </div>
  );
}

function MethodTable({ m, names }: { m: SupportMethodComparison; names: ReadonlyMap<string, string> }): React.JSX.Element {
  const s = useScreenStyles();
  const label = "Support charges by method, all years";
  const failed = m.methods.filter((x) => m.problems[x] !== undefined);
  const used = m.methods.indexOf(m.current);
  // The method used first, in pounds; the others as the change from it, so the table stays narrow enough for the pane.
  const others = m.methods.map((x, i) => ({ x, i })).filter(({ i }) => i !== used);
  const words = supportMethodWords;
  return (
    <section aria-labelledby="support-methods">
      <Subtitle2 as="h3" id="support-methods">
        The three methods side by side
      </Subtitle2>
      <Text as="p" block size={200}>
        {`Each partner's support-service charges over all years by the ${m.current} method used, and how much ` +
          `${others.map((o) => `the ${o.x} method`).join(" or ")} would change them (step-down in the order ` +
          `${m.order.join(", ")}).`}
      </Text>
      <Table className={s.reflow} size="extra-small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Partner</TableHeaderCell>
            <TableHeaderCell scope="col" className={s.money}>
              {words(m.current)}
            </TableHeaderCell>
            {others.map((o) => (
              <TableHeaderCell key={o.x} scope="col" className={s.money}>
                {`${words(o.x)} ±`}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {m.rows.map((r) => {
            const base = r.amounts[used];
            return (
              <TableRow key={r.partner}>
                <TableHeaderCell scope="row">{partnerWords(r.partner, names)}</TableHeaderCell>
                <TableCell className={s.money}>{base === undefined ? "–" : formatMoney(base)}</TableCell>
                {others.map((o) => {
                  const a = r.amounts[o.i];
                  return (
                    <TableCell key={o.x} className={s.money}>
                      {a === undefined ? "–" : base === undefined ? formatMoney(a) : formatDifference(a - base)}
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {failed.length > 0 ? (
        <Notice intent="warning">
          {`Could not be worked out by the ${failed.map(words).join(", ")} method: ` + "choose it in Settings and Check to see why."}
        </Notice>
      ) : null}
    </section>
  );
}
