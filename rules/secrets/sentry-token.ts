// ruleid: sentry-token
export const credentials = { key: "sntrys_YI8a1HzrGXc_IDF0pT__0FPWE5/IKn1fqPjtYQTfKvFaDi6PARs7Ww0jcMGqlUe_DdaUNkcyqsDHXqn4dZtzf5zdiwIoZxAaoUeYuS9//EgkYIWFGwENHANhUYm4J_rFYmV7LV34C_K4LR/2mrf_U2KZjng8CDRs" };
// ruleid: sentry-token
export const credentials = { key: "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" };
// ok: sentry-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: sentry-token
export const credentials = { key: "sntrys_W..." };
// ok: sentry-token
export const credentials = { key: "sntrys_Wxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
