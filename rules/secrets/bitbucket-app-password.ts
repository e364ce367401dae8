// ruleid: bitbucket-app-password
export const credentials = { key: "ATBBcPDWwf6XMjJbRLaTOQCoSxrH5jcqX4Bc1914F0E3" };
// ruleid: bitbucket-app-password
export const credentials = { key: "ATBBHyMjStYocyKI2qtB6GUnMd0YMZaWUoIe1547846C" };
// ok: bitbucket-app-password
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: bitbucket-app-password
export const credentials = { key: "ATBBy8Fv..." };
// ok: bitbucket-app-password
export const credentials = { key: "ATBBy8Fvxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
