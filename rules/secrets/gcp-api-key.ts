// ruleid: gcp-api-key
export const credentials = { key: "AIzaPUmrw0yKpFzsjeSPBfQNtJzAEAu1UqB85iF" };
// ruleid: gcp-api-key
export const credentials = { key: "AIzayxByA8CwKM-r99Wk1WGBsLbtWlEixntZvbL" };
// ok: gcp-api-key
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: gcp-api-key
export const credentials = { key: "AIzasjPW..." };
// ok: gcp-api-key
export const credentials = { key: "AIzasjPWxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
