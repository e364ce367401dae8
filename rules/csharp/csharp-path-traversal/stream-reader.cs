public class UploadController : Controller
{
    [HttpPost("raw")]
    public async Task<IActionResult> Raw()
    {
        // ok: csharp-path-traversal
        using var reader = new StreamReader(Request.Body);
        var body = await reader.ReadToEndAsync();
        return Ok(body.Length);
    }

    [HttpPost("upload")]
    public async Task<IActionResult> Upload(IFormFile file, string name)
    {
        // ok: csharp-path-traversal
        using var reader = new StreamReader(file.OpenReadStream());
        // ruleid: csharp-path-traversal
        using var writer = new StreamWriter(Path.Combine(_root, name));
        await writer.WriteAsync(await reader.ReadToEndAsync());
        return Ok();
    }
}
