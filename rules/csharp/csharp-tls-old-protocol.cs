// ruleid: csharp-tls-old-protocol
ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12;
// ruleid: csharp-tls-old-protocol
handler.SslProtocols = SslProtocols.Ssl3;
// ok: csharp-tls-old-protocol
handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
// ok: csharp-tls-old-protocol
ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls11);
