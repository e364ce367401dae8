// ruleid: dynatrace-token
export const credentials = { key: "dt0c01.3H2NH0KUCAGTMUSNL76BGSLC.LVFYITOOOEKTL9WGJ1WM1GMFI8OQXOGQJ9ZWO2XFH6RN5PC8P9V1NHXNYFCQTHCL" };
// ruleid: dynatrace-token
export const credentials = { key: "dt0c01.ZCRYJ84BFU0FQ10O6T6JV46L.8J4SSZHD9O4N2WP79KDPUUVD5DONQ4UE5FAD8W8RPIHIYXFASTDYF75KG9NHU6T8" };
// ok: dynatrace-token
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: dynatrace-token
export const credentials = { key: "dt0c01.Q..." };
// ok: dynatrace-token
export const credentials = { key: "dt0c01.Qxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
