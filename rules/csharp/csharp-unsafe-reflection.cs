public class PluginController : Controller
{
    [HttpPost("run")]
    public IActionResult Run([FromForm] string handler)
    {
        // ruleid: csharp-unsafe-reflection
        var type = Type.GetType(handler);
        var instance = Activator.CreateInstance(type);
        return Ok(instance);
    }

    public IActionResult Invoke()
    {
        var method = Request.Query["op"];
        // ruleid: csharp-unsafe-reflection
        var mi = typeof(Operations).GetMethod(method);
        return Ok(mi.Invoke(null, null));
    }

    [HttpPost("safe")]
    public IActionResult Safe([FromForm] string handler)
    {
        if (!_handlers.TryGetValue(handler, out var factory))
        {
            return BadRequest();
        }
        // ok: csharp-unsafe-reflection
        var type = Type.GetType("Shop.Handlers.DefaultHandler");
        // ok: csharp-unsafe-reflection
        var self = handler.GetType();
        return Ok(factory());
    }
}
