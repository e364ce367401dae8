// ruleid: github-refresh-token
export const credentials = { key: "ghr_vy1apwM0DERgiJ2DICzipwU6wKGsi88gC5B4QwyWcOkFYgeXoPpsbVy97RDpupOeQlilGBJZyp57" };
// ruleid: github-refresh-token
export const credentials = { key: "ghr_4oLJpzjqJPtwAZDdJWN8bdGUjgB7lpWVlceTxMDEsqZCoQV1rUQkOssmKQi5DiOFLltqkDdgejAo" };
// ok: github-refresh-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: github-refresh-token
export const credentials = { key: "ghr_aGfs..." };
// ok: github-refresh-token
export const credentials = { key: "ghr_aGfsxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
