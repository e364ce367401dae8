var client = new SmtpClient("smtp.example.com", 587)
{
    Credentials = new NetworkCredential(user, password),
    // ruleid: csharp-smtp-ssl-disabled
    EnableSsl = false,
};
// ruleid: csharp-smtp-ssl-disabled
await mail.ConnectAsync("smtp.example.com", 25, SecureSocketOptions.None);
// ok: csharp-smtp-ssl-disabled
client.EnableSsl = true;
// ok: csharp-smtp-ssl-disabled
await mail.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.StartTls);
