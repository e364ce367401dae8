// ruleid: mapbox-secret-token
export const credentials = { key: "sk.eyJ1IjoiejHqqFLVKk5QO_v7i6ntKAVIVlXg7oZB4Nold-Dpb3f-8kQKEo.1AzhMuzg_43j8IOf95qDax" };
// ruleid: mapbox-secret-token
export const credentials = { key: "sk.eyJ1IjoiC2GKNCZ0N--R_HwQxEr3EW3c4qhrFtVxk7NI-ksIOYLLMCy4y3.yKiikKupsmOPyuYEcZk9UM" };
// ok: mapbox-secret-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: mapbox-secret-token
export const credentials = { key: "sk.eyJ1I..." };
// ok: mapbox-secret-token
export const credentials = { key: "sk.eyJ1Ixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
