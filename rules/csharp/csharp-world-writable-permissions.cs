// ruleid: csharp-world-writable-permissions
File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
// ruleid: csharp-world-writable-permissions
Process.Start("chmod", "777 " + uploadDir);
// ruleid: csharp-world-writable-permissions
security.AddAccessRule(new FileSystemAccessRule("Everyone", FileSystemRights.FullControl, AccessControlType.Allow));
// ok: csharp-world-writable-permissions
File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
// ok: csharp-world-writable-permissions
Process.Start("chmod", "750 " + uploadDir);
// ok: csharp-world-writable-permissions
security.AddAccessRule(new FileSystemAccessRule("Everyone", FileSystemRights.Read, AccessControlType.Allow));
