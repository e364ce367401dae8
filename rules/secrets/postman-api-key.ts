// ruleid: postman-api-key
export const credentials = { key: "PMAK-03d1120fd56e5a4a5c5375ce-3aaee697913d17fb27ebf5d5a1f6c9d7b5" };
// ruleid: postman-api-key
export const credentials = { key: "PMAK-c64d1c3e83cea0438ce3ba3d-ebc68c6d9ec9e04caff96cbd536c89e5fd" };
// ok: postman-api-key
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: postman-api-key
export const credentials = { key: "PMAK-3ae..." };
// ok: postman-api-key
export const credentials = { key: "PMAK-3aexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
