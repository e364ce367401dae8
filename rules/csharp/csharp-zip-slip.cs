using System.IO.Compression;

public class ImportService
{
    public void Extract(Stream upload, string dest)
    {
        using var archive = new ZipArchive(upload);
        foreach (var entry in archive.Entries)
        {
            var target = Path.Combine(dest, entry.FullName);
            // ruleid: csharp-zip-slip
            entry.ExtractToFile(target, overwrite: true);
        }
    }

    public void ExtractStreams(ZipArchive archive, string dest)
    {
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            // ruleid: csharp-zip-slip
            using var output = File.Create(dest + "/" + entry.FullName);
            entry.Open().CopyTo(output);
        }
    }

    public void Safe(ZipArchive archive, string dest)
    {
        var root = Path.GetFullPath(dest) + Path.DirectorySeparatorChar;
        foreach (var entry in archive.Entries)
        {
            var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                continue;
            }
            // ok: csharp-zip-slip
            entry.ExtractToFile(target, overwrite: true);
            // ok: csharp-zip-slip
            entry.ExtractToFile(Path.Combine(root, Path.GetFileName(entry.FullName)));
        }
        var info = new FileInfo(dest);
        // ok: csharp-zip-slip
        using var log = File.Create(info.FullName + ".log");
    }
}
