// ruleid: azure-storage-account-key
export const storage = { accountName: "shopmedia", accountKey: "l7QmzNhtB5/QzhLQxPk1nxGS5zvXnYqX5VTlOjqhtGgTg5W2akEv2l0Jit7AvuNfat2fnQ1SG/uBFDARS1tVbh==" };
// ruleid: azure-storage-account-key
const cred = new StorageSharedKeyCredential("shopmedia", "dOuWfjMUCt1U6eKOiiWXJnUpOgKv3EOd7tz7W3BQpO/P8F0CnNgIsXsp0XbA6nD2L0MsX3euFxMvsBgpFtdzwG==");
// ok: azure-storage-account-key
const fromEnv = new StorageSharedKeyCredential(account, process.env.AZURE_STORAGE_KEY!);
