// ruleid: gitlab-ci-build-token
export const credentials = { key: "glcbt-ee_EawsP7P8qO-haHNMAipR" };
// ruleid: gitlab-ci-build-token
export const credentials = { key: "glcbt-d8_d77JufiVikrzxir53oTg" };
// ok: gitlab-ci-build-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: gitlab-ci-build-token
export const credentials = { key: "glcbt-f9..." };
// ok: gitlab-ci-build-token
export const credentials = { key: "glcbt-f9xxxxxxxxxxxxxxxxxxxxx" };
