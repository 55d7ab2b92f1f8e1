/** In-year monitoring (docs/monitoring.md): periods, profiles, actuals, forecasts, forecast outturn and settlement. */
export * from "./drivers";
export * from "./inputs";
export * from "./ledger";
export * from "./monitor";
export * from "./patterns";
export * from "./periods";
export * from "./profile";
export * from "./settlement";
