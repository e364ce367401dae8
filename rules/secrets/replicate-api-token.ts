// ruleid: replicate-api-token
export const credentials = { key: "r8_xx8SVbW3YSRhIKAcBDhfJPNx76wTdeCWZBibh" };
// ruleid: replicate-api-token
export const credentials = { key: "r8_mkOmfZAiKKD6NqUqDKHE5XMCXQF8Qay8omk1s" };
// ok: replicate-api-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: replicate-api-token
export const credentials = { key: "r8_EZiXX..." };
// ok: replicate-api-token
export const credentials = { key: "r8_EZiXXxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
