// ruleid: gitlab-feed-token
export const credentials = { key: "glft-FFSUwEeiVkm0hGASMcJE" };
// ruleid: gitlab-feed-token
export const credentials = { key: "glft-T-lGDQV3ZVx4wLU92Rbe" };
// ok: gitlab-feed-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: gitlab-feed-token
export const credentials = { key: "glft-kTJ..." };
// ok: gitlab-feed-token
export const credentials = { key: "glft-kTJxxxxxxxxxxxxxxxxx" };
