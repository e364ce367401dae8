// ruleid: csharp-tls-verification-disabled
handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true;
// ruleid: csharp-tls-verification-disabled
ServicePointManager.ServerCertificateValidationCallback += (s, c, ch, e) => true;
// ok: csharp-tls-verification-disabled
handler.ServerCertificateCustomValidationCallback = ValidateAgainstPinnedCa;
