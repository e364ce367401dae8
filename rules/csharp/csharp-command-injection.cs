// ruleid: csharp-command-injection
Process.Start("cmd.exe", "/c ping " + host);
// ruleid: csharp-command-injection
Arguments = $"/c convert {file} out.png",
// ok: csharp-command-injection
Process.Start("ping", new[] { host });
