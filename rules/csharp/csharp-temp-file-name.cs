// ruleid: csharp-temp-file-name
var tmp = Path.GetTempFileName();
// ok: csharp-temp-file-name
var dir = Directory.CreateTempSubdirectory("export-");
// ok: csharp-temp-file-name
var name = Path.Combine(dir.FullName, Path.GetRandomFileName());
