public class ProxyController : Controller
{
    public async Task<IActionResult> Fetch()
    {
        var target = Request.Query["url"];
        // ruleid: csharp-ssrf
        var body = await _http.GetStringAsync(target);
        return Ok(body);
    }

    [HttpPost]
    public async Task<IActionResult> Hook([FromBody] HookDto dto)
    {
        var url = dto.Callback + "/notify";
        // ruleid: csharp-ssrf
        await _http.PostAsync(url, null);
        return Ok();
    }

    [HttpGet]
    public async Task<IActionResult> Safe(string q)
    {
        var escaped = Uri.EscapeDataString(q);
        // ok: csharp-ssrf
        var body = await _http.GetStringAsync("https://search.example.com/?q=" + escaped);
        // ok: csharp-ssrf
        var health = await _http.GetStringAsync(_options.BaseUrl + "/health");
        return Ok(body);
    }
}
