// ruleid: pulumi-access-token
export const credentials = { key: "pul-737e30df7547065d0633eec9b14d1cb4eda2f7d7" };
// ruleid: pulumi-access-token
export const credentials = { key: "pul-9ef10e4e92d430bdd4c21d3230719e7f49c0db8e" };
// ok: pulumi-access-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: pulumi-access-token
export const credentials = { key: "pul-2e08..." };
// ok: pulumi-access-token
export const credentials = { key: "pul-2e08xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
