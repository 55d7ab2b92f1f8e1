import * as React from "react";
import { Button, Field, Select, Subtitle2 } from "@fluentui/react-components";
import type { ScenarioInput, DoNoHarmReport, ManyComparison } from "../../engine";
import { CompareTable } from "../components/CompareTable";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { DoNoHarmPanel } from "../components/DoNoHarmPanel";
import { Notice } from "../components/Notice";
import { ProblemList } from "../components/ProblemList";
import { ScreenHeading } from "../components/ScreenHeading";
import { StaleNotice } from "../components/StaleNotice";
import { ScenarioEditor } from "../components/scenario/ScenarioEditor";
import { ScenarioList } from "../components/scenario/ScenarioList";
import { useScenarioCompare } from "../hooks/useScenarioCompare";
import { useWorkbook } from "../hooks/useWorkbook";
import { compareManyScenarios, engineProblems, workbookProblemsText, type Problem, partnerNames } from "../../app";
import { useEngine } from "../hooks/useEngine";
import { ManyCompareTable } from "../components/ManyCompareTable";
import { modelOptions } from "../model-options";
import { blankScenario } from "../scenario-drafts";
import { useScreenStyles } from "../styles";

type Editing = { readonly index: number | undefined; readonly draft: ScenarioInput } | undefined;

/**
 * Scenarios: create and edit named scenarios (stored in the workbook's
 * Scenarios table), compare any two side by side per partner, and run the
 * "do no harm" check when the second adds a partner. The comparison can be
 * kept in the run settings so the next run writes it to the workbook.
 */
export function ScenariosScreen(): React.JSX.Element {
  const s = useScreenStyles();
  const engine = useEngine();
  const { state, actions } = useWorkbook();
  const { state: compared, compare, clear } = useScenarioCompare();
  const [editing, setEditing] = React.useState<Editing>(undefined);
  const [saving, setSaving] = React.useState(false);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [deleting, setDeleting] = React.useState<number | undefined>(undefined);
  // Where focus goes after an action that removes the focused control (Edit, Save, Cancel, Delete): never <body>.
  const focusAfter = useFocusAfter();
  const compareResult = React.useRef<HTMLDivElement>(null);
  const sideResult = React.useRef<HTMLDivElement>(null);
  const settings = state.read?.runSettings;
  const [first, setFirst] = React.useState(settings?.compareFirst ?? "");
  const [second, setSecond] = React.useState(settings?.compareSecond || state.scenarios[0]?.name || "");
  const [side, setSide] = React.useState<
    { kind: "idle" } | { kind: "errors"; problems: readonly Problem[] } | { kind: "done"; many: ManyComparison }
  >({ kind: "idle" });
  const read = state.read;
  const options = React.useMemo(() => (read ? modelOptions(read.model) : undefined), [read]);
  // The draft is run through the engine (deferred, so typing stays responsive) to show its problems before saving.
  const draft = React.useDeferredValue(editing?.draft);
  const draftProblems = React.useMemo(() => {
    if (!draft || !read) return [];
    const r = engine.runScenario(read.model, draft);
    // Not located: the draft is not in the workbook yet, so no cell holds the value at fault.
    return r.ok ? [] : engineProblems(r.errors, undefined, "warning", "draft");
  }, [draft, read, engine]);

  if (read === undefined || options === undefined) {
    return (
      <section className={s.screen} aria-labelledby="scenarios-title">
        <ScreenHeading id="scenarios-title" title="Scenarios" />
        <Notice intent="info">{state.loading ? "Reading the workbook…" : (state.noModel ?? "The workbook could not be read.")}</Notice>
      </section>
    );
  }

  const save = async (list: readonly ScenarioInput[]): Promise<boolean> => {
    setSaving(true);
    setFailure(undefined);
    const r = await actions.saveScenarios(list);
    setSaving(false);
    if (!r.ok) setFailure(workbookProblemsText(r.problems));
    return r.ok;
  };
  const saveDraft = async (): Promise<void> => {
    if (!editing) return;
    const list =
      editing.index === undefined
        ? [...state.scenarios, editing.draft]
        : state.scenarios.map((x, i) => (i === editing.index ? editing.draft : x));
    if (await save(list)) {
      setEditing(undefined);
      focusAfter(`Edit ${editing.draft.name}`);
    }
  };
  const cancelEdit = (): void => {
    const name = editing?.index === undefined ? undefined : state.scenarios[editing.index]?.name;
    setEditing(undefined);
    focusAfter(name === undefined ? "New scenario" : `Edit ${name}`);
  };
  const remove = async (index: number): Promise<void> => {
    setDeleting(undefined);
    clear();
    await save(state.scenarios.filter((_, i) => i !== index));
    focusAfter("New scenario");
  };
  const showResult = (box: React.RefObject<HTMLDivElement | null>): void => {
    // After React has drawn it: bring the result into view (it appears well below the buttons).
    requestAnimationFrame(() => box.current?.scrollIntoView?.({ block: "start", behavior: "auto" }));
  };
  const runCompare = (a: string, b: string): void => {
    compare(a, b);
    showResult(compareResult);
  };
  const compareWithBase = (name: string): void => {
    setFirst("");
    setSecond(name);
    runCompare("", name);
  };
  const keepComparison = async (): Promise<void> => {
    if (!settings) return;
    const r = await actions.saveRunSettings({ ...settings, compareFirst: first, compareSecond: second });
    if (!r.ok) setFailure(workbookProblemsText(r.problems));
  };
  const names = partnerNames(read.model);
  for (const sc of state.scenarios)
    for (const c of sc.changes) if (c.kind === "addPartner") names.set(c.partner.id, c.partner.name || c.partner.id);
  const choices = [{ value: "", text: "Base model" }, ...state.scenarios.map((x) => ({ value: x.name, text: x.name }))];
  const allNames = state.scenarios.map((x) => x.name).join(", ");
  const allKept = settings !== undefined && settings.compareFirst === "" && settings.compareSecond === allNames;
  const compareAll = (): void => {
    if (state.session === undefined) return;
    const r = compareManyScenarios(
      state.session,
      state.scenarios.map((x) => x.name),
    );
    setSide(r.ok ? { kind: "done", many: r.many } : { kind: "errors", problems: r.problems });
    showResult(sideResult);
  };
  const keepAll = async (): Promise<void> => {
    if (settings === undefined) return;
    const r = await actions.saveRunSettings({ ...settings, compareFirst: "", compareSecond: allNames });
    if (!r.ok) setFailure(workbookProblemsText(r.problems));
  };
  const kept = settings !== undefined && settings.compareFirst === first && settings.compareSecond === second && second !== "";

  return (
    <section className={s.screen} aria-labelledby="scenarios-title">
      <ScreenHeading
        id="scenarios-title"
        title="Scenarios"
        intro="What-if versions of the model, stored in the workbook's Scenarios sheet."
      />
      <StaleNotice />
      {failure !== undefined && <Notice intent="error">{failure}</Notice>}
      {editing ? (
        <>
          <ScenarioEditor
            isNew={editing.index === undefined}
            scenario={editing.draft}
            options={options}
            busy={saving}
            onChange={(draft) => setEditing({ ...editing, draft })}
            onSave={() => void saveDraft()}
            onCancel={cancelEdit}
          />
          {draftProblems.length > 0 && (
            <>
              <Notice intent="warning" title="This scenario cannot be applied yet">
                It can still be saved; fix these before running it.
              </Notice>
              <ProblemList label="Scenario problems" problems={draftProblems} onSelect={(a) => void actions.selectCell(a)} />
            </>
          )}
        </>
      ) : (
        <>
          <ScenarioList
            scenarios={state.scenarios}
            disabled={saving}
            onEdit={(index) => {
              const draft = state.scenarios[index];
              if (draft) setEditing({ index, draft });
            }}
            onDelete={setDeleting}
            onCompareWithBase={compareWithBase}
          />
          <div className={s.actions}>
            <Button onClick={() => setEditing({ index: undefined, draft: blankScenario(state.scenarios) })} disabled={saving}>
              New scenario
            </Button>
          </div>
        </>
      )}
      <Subtitle2 as="h3">Compare</Subtitle2>
      <div className={s.actions}>
        <Field label="Compare" size="small">
          <Select size="small" value={first} onChange={(_, d) => setFirst(d.value)}>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.text}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="With" size="small">
          <Select size="small" value={second} onChange={(_, d) => setSecond(d.value)}>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.text}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => runCompare(first, second)}>
          Compare
        </Button>
        {/* Focusable while disabled: pressing it must not drop focus to the page. */}
        <Button disabledFocusable={kept || second === ""} onClick={() => void keepComparison()}>
          {kept ? "This comparison is in the next run" : "Include this comparison in the next run"}
        </Button>
      </div>
      <div ref={compareResult} className={s.stack}>
        <div role="status" className={s.visuallyHidden}>
          {compared.kind === "done" ? compareSummary(compared.comparison.from, compared.comparison.to, compared.harm) : ""}
          {compared.kind === "errors" ? "The comparison could not be made: see the problems listed." : ""}
        </div>
        {compared.kind === "errors" && (
          <ProblemList label="Comparison problems" problems={compared.problems} onSelect={(a) => void actions.selectCell(a)} />
        )}
        {compared.kind === "done" && (
          <>
            {compared.harm !== undefined && <DoNoHarmPanel report={compared.harm} names={names} />}
            <CompareTable comparison={compared.comparison} names={names} />
          </>
        )}
      </div>
      {state.scenarios.length >= 2 && (
        <>
          <Subtitle2 as="h3">Every scenario side by side</Subtitle2>
          <div className={s.actions}>
            <Button onClick={compareAll}>Compare every scenario with the base</Button>
            <Button disabledFocusable={allKept} onClick={() => void keepAll()}>
              {allKept ? "Every scenario is in the next run" : "Include every scenario in the next run"}
            </Button>
          </div>
          <div ref={sideResult} className={s.stack}>
            <div role="status" className={s.visuallyHidden}>
              {side.kind === "done" ? `Compared every scenario with the base: ${side.many.names.length - 1} scenarios side by side.` : ""}
              {side.kind === "errors" ? "The scenarios could not be compared: see the problems listed." : ""}
            </div>
            {side.kind === "errors" && (
              <ProblemList label="Side by side problems" problems={side.problems} onSelect={(a) => void actions.selectCell(a)} />
            )}
            {side.kind === "done" && (
              <>
                {side.many.doNoHarm.map((h) => (
                  <DoNoHarmPanel key={h.scenario} report={h} names={names} />
                ))}
                <ManyCompareTable many={side.many} names={names} />
              </>
            )}
          </div>
        </>
      )}
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete the scenario "${state.scenarios[deleting ?? -1]?.name ?? ""}"?`}
        message={
          "It is removed from the workbook's Scenarios sheet, with its changes. Excel's Undo does not bring it back: " +
          "recreate it with New scenario if you need it again."
        }
        confirmText="Delete it"
        onConfirm={() => deleting !== undefined && void remove(deleting)}
        onCancel={() => {
          const name = state.scenarios[deleting ?? -1]?.name;
          setDeleting(undefined);
          focusAfter(name === undefined ? "New scenario" : `Delete ${name}`);
        }}
      />
    </section>
  );
}

/** What a screen reader hears when a comparison is shown (the table itself is further down the pane). */
function compareSummary(from: string, to: string, harm: DoNoHarmReport | undefined): string {
  const verdict = harm === undefined ? "" : harm.passed ? " Do no harm: passed." : " Do no harm: failed.";
  return `Compared ${from} with ${to}: each partner's charges are shown below.${verdict}`;
}

/**
 * Moves focus, once React has drawn the next state, to the button whose accessible name is
 * given (within the task pane), so an action that removed the focused control never leaves
 * focus on <body>.
 */
function useFocusAfter(): (name: string) => void {
  return React.useCallback((name: string) => {
    let tries = 0;
    const attempt = (): void => {
      const found = [...document.querySelectorAll<HTMLElement>("button")].find(
        (b) => (b.getAttribute("aria-label") ?? b.textContent ?? "").trim() === name,
      );
      if (found) found.focus();
      else if (tries++ < 10) requestAnimationFrame(attempt);
    };
    requestAnimationFrame(attempt);
  }, []);
}
