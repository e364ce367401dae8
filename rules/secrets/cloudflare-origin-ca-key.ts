// ruleid: cloudflare-origin-ca-key
export const credentials = { key: "v1.0-44802378fe9afaef913d2a98-0b6daab8c35e05c70f66021468f7ccc4bea1f8684b5f53a3dc92331c04d2b35ff1ec061e86f049389e3f6ce956cd3d35968223819f93935c00e4208211236a7eaa4041d6bdc2e0db4d" };
// ruleid: cloudflare-origin-ca-key
export const credentials = { key: "v1.0-ba9b20be03ae3e3af425f486-7423522c53b05ae21b255bd35a9c617d392f384feebf089ad5dca0a828a9bc4f8ded5544a948f1c136855559ff90d4c0a127a59368853003aa42ae76ab5b7e34cfee6b37d0ed4f889c" };
// ok: cloudflare-origin-ca-key
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: cloudflare-origin-ca-key
export const credentials = { key: "v1.0-00a..." };
// ok: cloudflare-origin-ca-key
export const credentials = { key: "v1.0-00axxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
