// ruleid: csharp-path-traversal
return PhysicalFile(Path.Combine(_root, Request.Query["file"]), "application/octet-stream");
// ok: csharp-path-traversal
return PhysicalFile(Path.Combine(_root, Path.GetFileName(Request.Query["file"])), "application/octet-stream");
