// ruleid: gitlab-pat
export const credentials = { key: "glpat-T_gZd5aWBFZBQDcjzpyC" };
// ruleid: gitlab-pat
export const credentials = { key: "glpat-K-JtjzqgB7uWIdaUr7zv" };
// ok: gitlab-pat
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: gitlab-pat
export const credentials = { key: "glpat-FR..." };
// ok: gitlab-pat
export const credentials = { key: "glpat-FRxxxxxxxxxxxxxxxxxx" };
