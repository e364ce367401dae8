// fixture-gitlab-token-prefixes: acme-, corptok
// ruleid: gitlab-pat
export const token = "acme-glpat-1qdXWPJx-d8ut8pdqsxR";
// ruleid: gitlab-pat
export const token2 = "corptokpvED5hJRaOvRTYZPNvS_";
// ruleid: gitlab-pat
export const token3 = "glpat-I4k9GvvK9JkmW378D-Cn";
// ok: gitlab-pat
export const ref = "acme-glpat-${GITLAB_TOKEN}";
// ok: gitlab-pat
export const short = "acme-511CFUBW";
// ok: gitlab-pat
export const other = "otherco-kNhBm2bd2AG2_B2TFu2a";
// ok: gitlab-pat
export const deploy = "acme-gldt-Hq7vN2xT9mK4wZ8pL5rB";
// ok: gitlab-pat
export const runner = "corptokrt-Jd3nV8wQ5tZ2mK7xL4pB";
