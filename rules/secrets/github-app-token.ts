// ruleid: github-app-token
export const credentials = { key: "ghu_zaptWdXcMZAaQX0Dh9ZA2xhsPWDysP3PYetM" };
// ruleid: github-app-token
export const credentials = { key: "ghs_pP2osRxcSV8cR4QEF0YzLSWZw6cA0D0ZalqE" };
// ok: github-app-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: github-app-token
export const credentials = { key: "ghs_pkT1..." };
// ok: github-app-token
export const credentials = { key: "ghs_pkT1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
