// ruleid: csharp-command-injection-concat
Process.Start("cmd.exe", "/c ping " + host);
// ruleid: csharp-command-injection-concat
Arguments = $"/c convert {file} out.png",
// ok: csharp-command-injection-concat
Process.Start("ping", new[] { host });
