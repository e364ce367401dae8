// ruleid: buildkite-token
export const credentials = { key: "bkua_4b0c4194cc055b38692701c311dad5ddb7855088" };
// ruleid: buildkite-token
export const credentials = { key: "bkua_d9c5ad467d94228353c82abdcb8fcda86deae6d3" };
// ok: buildkite-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: buildkite-token
export const credentials = { key: "bkua_93e..." };
// ok: buildkite-token
export const credentials = { key: "bkua_93exxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
