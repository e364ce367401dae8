// ruleid: circleci-token
export const credentials = { key: "CCIPAT_8xGeNwaKGewo4hhIHiSEPN_afbae506d6d29d15c0482c06362358371fa22d4c" };
// ruleid: circleci-token
export const credentials = { key: "CCIPAT_QVtVNO172p0kvFb9Boeu0I_3bb135b51f5b830b637b62fc1d4e08293ee36b53" };
// ok: circleci-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: circleci-token
export const credentials = { key: "CCIPAT_s..." };
// ok: circleci-token
export const credentials = { key: "CCIPAT_sxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
