// ruleid: gitlab-agent-token
export const credentials = { key: "glagent-vBcdTVDVaH_l8qreBeCh1Gr73tTsZW9cflD2bpaWygE_eDvd0U" };
// ruleid: gitlab-agent-token
export const credentials = { key: "glagent-LQLJIdJpQfQ6C0Jzt8lwG7KxUxUC9tvfbtrt7rSb4rLmIdNQcP" };
// ok: gitlab-agent-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: gitlab-agent-token
export const credentials = { key: "glagent-..." };
// ok: gitlab-agent-token
export const credentials = { key: "glagent-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
