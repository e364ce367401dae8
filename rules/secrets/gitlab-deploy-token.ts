// ruleid: gitlab-deploy-token
export const credentials = { key: "gldt-lUdjM8IVRv6aYB5-Llqc" };
// ruleid: gitlab-deploy-token
export const credentials = { key: "gldt-WomD6U89Y8KQzVsnWltI" };
// ok: gitlab-deploy-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: gitlab-deploy-token
export const credentials = { key: "gldt-f6C..." };
// ok: gitlab-deploy-token
export const credentials = { key: "gldt-f6Cxxxxxxxxxxxxxxxxx" };
