export interface ReminderSettingsResponse {
  companyId: number;
  enabled: boolean;
  attachCourtesyCopy: boolean;
  offsets: number[];
  catchUpDays: number;
  /** The values the "Giorni" dropdowns may take. */
  allowedOffsets: number[];
  maxReminders: number;
  maxCatchUpDays: number;
}
