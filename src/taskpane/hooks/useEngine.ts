import { ENGINE, type EngineApi } from "../../app";
import { useServices } from "../services";

/**
 * The engine a screen runs: the one the services were given (a test's), or the real one. Only screens loaded on first
 * use call this, so the real engine comes with their chunks, not with the pane's first paint.
 */
export function useEngine(): EngineApi {
  return useServices().engine ?? ENGINE;
}
