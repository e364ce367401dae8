// ruleid: gitlab-incoming-email-token
export const credentials = { key: "glimt-66g1720jubun6qnk7cyyalms6" };
// ruleid: gitlab-incoming-email-token
export const credentials = { key: "glimt-itzod7v9tf03i1cg2b3z5doi8" };
// ok: gitlab-incoming-email-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: gitlab-incoming-email-token
export const credentials = { key: "glimt-ox..." };
// ok: gitlab-incoming-email-token
export const credentials = { key: "glimt-oxxxxxxxxxxxxxxxxxxxxxxxx" };
