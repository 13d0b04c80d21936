/** Limits the calculators share (plan length, pain reports in a shared link and in the form). */

/** The longest plan the calculator builds, in sessions. */
export const MAX_SESSIONS = 300;
/** The longest rest after a pain report that can be entered or shared, in days. */
export const MAX_REST_DAYS = 90;
