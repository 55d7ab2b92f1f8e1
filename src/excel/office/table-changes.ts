import { RUN_OPTIONS, excelRun, type ExcelRunner } from "./runner";

/**
 * Calls `listener` whenever data changes in any table of the workbook — the
 * input tables the user edits, so the task pane can say at once that the
 * results are out of date — through `workbook.tables.onChanged`
 * (TableCollection.onChanged, ExcelApi 1.7:
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-onchanged-member;
 * its handler gets a TableChangedEventArgs,
 * https://learn.microsoft.com/javascript/api/excel/excel.tablechangedeventargs). The listener is
 * told nothing more: the pane reads the model again and compares fingerprints, which also ignores
 * changes to its own output tables. Resolves with a function that removes the handler, through the
 * request context that added it, as Office requires
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
 */
export async function watchTableChanges(listener: () => void, run: ExcelRunner = excelRun): Promise<() => Promise<void>> {
  const added = await run(RUN_OPTIONS, async (context) => {
    const handler = context.workbook.tables.onChanged.add(() => {
      listener();
      return Promise.resolve();
    });
    await context.sync();
    return handler;
  });
  return async () => {
    added.remove();
    await added.context.sync();
  };
}
