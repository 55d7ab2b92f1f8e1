/** Leaving and disputes: exit statements, harm to the remaining partners, the dispute register (docs/exits.md). */
export {
  DISPUTE_STATUSES,
  type DisputeInput,
  type DisputeStatus,
  type ExitCostInput,
  type ExitLineInput,
  type ExitsInput,
  type LeaverInput,
} from "./inputs";
export {
  COMMITTED_RULES,
  DEFAULT_NOTICE_MONTHS,
  EXIT_TREATMENTS,
  addMonths,
  readExits,
  type CommittedRule,
  type ExitTreatment,
  type Exits,
  type Leaver,
} from "./read-exits";
export {
  exitRun,
  exitsReport,
  hasExits,
  type ExitReport,
  type ExitsReport,
  type ExitStatementLine,
  type ExitWhole,
  type HarmLine,
  type HarmRow,
  type LineRule,
} from "./exit";
export { disputeRegister, hasDisputes, type Dispute, type DisputeRegister, type PartnerDisputes, type RecoveryShare } from "./disputes";
