// ruleid: huggingface-token
export const credentials = { key: "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" };
// ruleid: huggingface-token
export const credentials = { key: "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" };
// ok: huggingface-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: huggingface-token
export const credentials = { key: "hf_zRJMv..." };
// ok: huggingface-token
export const credentials = { key: "hf_zRJMvxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
