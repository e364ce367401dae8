using System.Xml.Serialization;

public class ImportController : Controller
{
    [HttpPost("import")]
    public IActionResult Import([FromForm] string typeName)
    {
        // ruleid: csharp-deserialization-type-from-input
        var serializer = new XmlSerializer(Type.GetType(typeName));
        var obj = serializer.Deserialize(Request.Body);
        return Ok(obj);
    }

    [HttpPost("json")]
    public IActionResult Json([FromQuery] string kind, [FromBody] string body)
    {
        var t = Type.GetType(kind);
        // ruleid: csharp-deserialization-type-from-input
        var obj = JsonConvert.DeserializeObject(body, t);
        return Ok(obj);
    }

    [HttpPost("safe")]
    public IActionResult Safe([FromBody] string body)
    {
        // ok: csharp-deserialization-type-from-input
        var serializer = new XmlSerializer(typeof(Order));
        // ok: csharp-deserialization-type-from-input
        var obj = JsonConvert.DeserializeObject(body, typeof(Order));
        return Ok(obj);
    }
}
