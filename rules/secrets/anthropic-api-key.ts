// ruleid: anthropic-api-key
export const credentials = { key: "sk-ant-api03-lh6CjH2jFmg-FMiVELVwuvHdELPd-0FTt5HY3IrlSSgFNTUu_sMOQgVOBig6YUvzR-k4gG670buyYMnoooTZ9zjaeTgGiAA" };
// ruleid: anthropic-api-key
export const credentials = { key: "sk-ant-api03-TLEf-1BwM87GYdmQTWnUOJt2YUQJPZjkYh6yRI5MKolfEGa7VO4bTknFgU0mce0iN7gukieXrbl6y1h_wD3EtE7TxyrD3AA" };
// ok: anthropic-api-key
export const credentials = { key: "${SERVICE_TOKEN}" };
// ok: anthropic-api-key
export const credentials = { key: "sk-ant-a..." };
// ok: anthropic-api-key
export const credentials = { key: "sk-ant-axxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" };
