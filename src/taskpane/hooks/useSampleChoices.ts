import * as React from "react";
import { useServices, type SampleChoice } from "../services";

/** The Start screen's sample choices: undefined while they load; `failed` when they could not be loaded. */
export interface SampleChoices {
  readonly choices: readonly SampleChoice[] | undefined;
  readonly failed: boolean;
}

/**
 * The samples the Start screen offers. Given as a list (the preview, tests) they are there at once; given as a loader
 * (the pane in Excel: a chunk of their own, so the pane's first load does not carry four models) they are loaded the
 * first time the Start screen shows.
 */
export function useSampleChoices(): SampleChoices {
  const { samples } = useServices();
  const [state, setState] = React.useState<SampleChoices>(() =>
    typeof samples === "function" ? { choices: undefined, failed: false } : { choices: samples, failed: false },
  );
  React.useEffect(() => {
    if (typeof samples !== "function") {
      setState({ choices: samples, failed: false });
      return;
    }
    let live = true;
    samples().then(
      (choices) => live && setState({ choices, failed: false }),
      () => live && setState({ choices: [], failed: true }),
    );
    return () => {
      live = false;
    };
  }, [samples]);
  return state;
}
