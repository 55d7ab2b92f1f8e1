import * as React from "react";
import type { ScreenId } from "./screens/screen-ids";

/** Sends the user to another screen. */
export type Navigate = (screen: ScreenId) => void;

/** Lets a screen send the user to another (e.g. Check → Run). Provided by the shell. */
export const NavigateContext = React.createContext<Navigate>(() => undefined);

/** The shell's navigation function. */
export function useNavigate(): Navigate {
  return React.useContext(NavigateContext);
}
