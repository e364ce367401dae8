// ruleid: square-oauth-secret
export const credentials = { key: "sq0csp-gpfmIZ08cEa7qINeJbdrkenV_0FbNBWqxUAIICiDnbu" };
// ruleid: square-oauth-secret
export const credentials = { key: "sq0csp-vgWolONoKZLyY7O953mdS-ukwosCdFnr-Olj4pFNvLM" };
// ok: square-oauth-secret
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: square-oauth-secret
export const credentials = { key: "sq0csp-7..." };
// ok: square-oauth-secret
export const credentials = { key: "sq0csp-7xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
