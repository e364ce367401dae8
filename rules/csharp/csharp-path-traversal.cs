using System.IO;

public class FilesController : Controller
{
    public IActionResult Download()
    {
        var name = Request.Query["file"];
        var full = Path.Combine(_root, name);
        // ruleid: csharp-path-traversal
        return File(System.IO.File.ReadAllBytes(full), "application/octet-stream");
    }

    [HttpGet("{name}")]
    public IActionResult Read(string name)
    {
        // ruleid: csharp-path-traversal
        var text = System.IO.File.ReadAllText(Path.Combine(_root, name));
        // ruleid: csharp-path-traversal
        using var fs = new FileStream("/srv/data/" + name, FileMode.Open);
        return Ok(text);
    }

    [HttpGet]
    public IActionResult Safe(string name)
    {
        var only = Path.GetFileName(name);
        // ok: csharp-path-traversal
        var text = File.ReadAllText(Path.Combine(_root, only));
        var full = Path.GetFullPath(Path.Combine(_root, name));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            return BadRequest();
        }
        // ok: csharp-path-traversal
        File.Delete(full);
        // ok: csharp-path-traversal
        var cfg = File.ReadAllText(Path.Combine(_root, "config.json"));
        return Ok(text);
    }
}
