public class RestoreService
{
    public void Restore(ZipArchive archive, string root, string[] skip)
    {
        foreach (var item in archive.Entries)
        {
            var targetPath = Path.GetFullPath(Path.Combine(root, item.FullName));
            var sourcePath = Path.GetFullPath(Path.Combine("/", item.FullName));
            if (!sourcePath.StartsWith("/", StringComparison.Ordinal)
                || !targetPath.StartsWith(root, StringComparison.Ordinal)
                || Path.EndsInDirectorySeparator(item.FullName))
            {
                continue;
            }
            // ok: csharp-zip-slip
            item.ExtractToFile(targetPath, overwrite: true);
        }
    }

    public void Unchecked(ZipArchive archive, string root)
    {
        foreach (var item in archive.Entries)
        {
            var targetPath = Path.GetFullPath(Path.Combine(root, item.FullName));
            if (item.Length == 0 || Path.EndsInDirectorySeparator(item.FullName))
            {
                continue;
            }
            // ruleid: csharp-zip-slip
            item.ExtractToFile(targetPath, overwrite: true);
        }
    }
}
