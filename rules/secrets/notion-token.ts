// ruleid: notion-token
export const credentials = { key: "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" };
// ruleid: notion-token
export const credentials = { key: "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" };
// ok: notion-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: notion-token
export const credentials = { key: "ntn_3501..." };
// ok: notion-token
export const credentials = { key: "ntn_3501xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
