// ruleid: alibaba-access-key-id
export const credentials = { key: "LTAIaRVTavKajz85XbQl52MS" };
// ruleid: alibaba-access-key-id
export const credentials = { key: "LTAI03263XyLlhoEmmXVBgZn" };
// ok: alibaba-access-key-id
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: alibaba-access-key-id
export const credentials = { key: "LTAIz67J..." };
// ok: alibaba-access-key-id
export const credentials = { key: "LTAIz67Jxxxxxxxxxxxxxxxx" };
