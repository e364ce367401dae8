// ruleid: hashicorp-vault-token
export const credentials = { key: "hvs.tNDzxMQ8lzcaXBxjwgkt0fMUHFxGeuI9lszH9NV-RJdmD5gMSLvHjh_7EliRqbZPRr8Wss6eSWI7e5ogn3pbxEfqfY" };
// ruleid: hashicorp-vault-token
export const credentials = { key: "hvs.lSugTw9hoy1wwLOUXYPRnWrdBVGizqSURvCLZLtiQ87uEbW1PXMNExmcR2fHQNK5TMcvL2SZDllk1_5x6_QXP-hfq6" };
// ok: hashicorp-vault-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: hashicorp-vault-token
export const credentials = { key: "hvs.Y7Da..." };
// ok: hashicorp-vault-token
export const credentials = { key: "hvs.Y7Daxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
