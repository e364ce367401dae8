using var aes = Aes.Create();
// ruleid: csharp-ecb-mode
aes.Mode = CipherMode.ECB;
// ruleid: csharp-ecb-mode
var block = aes.EncryptEcb(data, PaddingMode.PKCS7);
// ok: csharp-ecb-mode
aes.Mode = CipherMode.CBC;
// ok: csharp-ecb-mode
var ct = aes.EncryptCbc(data, iv);
