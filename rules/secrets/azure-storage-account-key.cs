// ruleid: azure-storage-account-key
var conn = "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=f09a2Q1APHi6y4hUnqAUMOtB56lXNFfwb0jsyV7pyjZmeIB9ZvR4d6sUq2WLKgKQPkE1K7qo7SelIHaZD/5tBg==;EndpointSuffix=core.windows.net";
// ruleid: azure-storage-account-key
var conn = "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=1f2F2HoIe0/NJp2LDf63Yy2oM3ypVysAd8oxAhg6bzZrrZmwxOQOkx7QKceDZPyEF8YZalV4jzXQlu56GG3U1g==;EndpointSuffix=core.windows.net";
// ok: azure-storage-account-key
var conn = "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=${SERVICE_TOKEN};EndpointSuffix=core.windows.net";
// ok: azure-storage-account-key
var conn = "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=lQnFX3im...;EndpointSuffix=core.windows.net";
// ok: azure-storage-account-key
var conn = "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=lQnFX3imxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;EndpointSuffix=core.windows.net";
