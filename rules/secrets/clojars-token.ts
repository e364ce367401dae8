// ruleid: clojars-token
export const credentials = { key: "CLOJARS_3rplul97hyjwzhf0kpn8ta66bjpk3t2g4m940kibysp2ot40l9gsjwee5k1a" };
// ruleid: clojars-token
export const credentials = { key: "CLOJARS_pntoh2vzvojgt8p7u40k0qspuj8qw8whklgl85wubwquzavbjmb15490sz4d" };
// ok: clojars-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: clojars-token
export const credentials = { key: "CLOJARS_..." };
// ok: clojars-token
export const credentials = { key: "CLOJARS_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
