// ruleid: csharp-rsa-pkcs1-encryption
var ct = rsa.Encrypt(data, RSAEncryptionPadding.Pkcs1);
// ruleid: csharp-rsa-pkcs1-encryption
var legacy = _rsaProvider.Encrypt(data, false);
// ok: csharp-rsa-pkcs1-encryption
var ct2 = rsa.Encrypt(data, RSAEncryptionPadding.OaepSHA256);
// ok: csharp-rsa-pkcs1-encryption
var sig = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
// ok: csharp-rsa-pkcs1-encryption
var oaep = _rsaProvider.Encrypt(data, true);
