// ruleid: gitlab-pipeline-trigger-token
export const credentials = { key: "glptt-7a4e3e57741ff3430b6d47b8fcd1b920a9930406" };
// ruleid: gitlab-pipeline-trigger-token
export const credentials = { key: "glptt-2555425a5ffd469577275b6fc6bc2ffaa6fa0b14" };
// ok: gitlab-pipeline-trigger-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: gitlab-pipeline-trigger-token
export const credentials = { key: "glptt-19..." };
// ok: gitlab-pipeline-trigger-token
export const credentials = { key: "glptt-19xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
