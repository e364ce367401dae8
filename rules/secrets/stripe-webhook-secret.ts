// ruleid: stripe-webhook-secret
export const credentials = { key: "whsec_X17FhI88VRzRggv5vS5D1vg63vy0BT7c" };
// ruleid: stripe-webhook-secret
export const credentials = { key: "whsec_WCY6UpeLnDbTIJubPRGgpNZ0SUWvbWI2" };
// ok: stripe-webhook-secret
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: stripe-webhook-secret
export const credentials = { key: "whsec_t3..." };
// ok: stripe-webhook-secret
export const credentials = { key: "whsec_t3xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
