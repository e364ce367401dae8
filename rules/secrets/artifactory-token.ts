// ruleid: artifactory-token
export const credentials = { key: "AKCpFokKLnGakexF2jdATrZnhNJXMxkQ0kRdOJmCZyA3JbQvYjciQGGJkUMmctZyiVIy8wOtc" };
// ruleid: artifactory-token
export const credentials = { key: "AKCpGAoL5xeRn2SSEuv4UDS1UJQejJ0iSDkD3pqZ77MBOTJjLB2LGaImfzv9NuvmRCy45osyx" };
// ok: artifactory-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: artifactory-token
export const credentials = { key: "AKCpWRPD..." };
// ok: artifactory-token
export const credentials = { key: "AKCpWRPDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
