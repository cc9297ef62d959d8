/** The JSON API's search answers at most this many sessions, best first. */
export const searchResultLimit = 100;
/** A search page shows at most this many: enough to scan on a phone, cheap to render. */
export const searchPageLimit = 30;
