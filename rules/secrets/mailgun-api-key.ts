// ruleid: mailgun-api-key
export const credentials = { key: "key-5d20a267babf9526abd3ffc3069a8249" };
// ruleid: mailgun-api-key
export const credentials = { key: "key-888369797fcf5182092b93f3941e4783" };
// ok: mailgun-api-key
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: mailgun-api-key
export const credentials = { key: "key-0df7..." };
// ok: mailgun-api-key
export const credentials = { key: "key-0df7xxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
