using MongoDB.Bson;
using MongoDB.Driver;

public class UsersController : ControllerBase
{
    [HttpPost("find")]
    public IActionResult Find([FromBody] string filterJson)
    {
        // ruleid: csharp-nosql-injection
        var filter = BsonDocument.Parse(filterJson);
        return Ok(_users.Find(filter).ToList());
    }

    [HttpGet("by-name")]
    public IActionResult ByName([FromQuery] string name)
    {
        // ruleid: csharp-nosql-injection
        var list = _users.Find("{ name: '" + name + "' }").ToList();
        // ruleid: csharp-nosql-injection
        var q = new BsonDocument("$where", "this.name == '" + name + "'");
        return Ok(list);
    }

    [HttpGet("safe")]
    public IActionResult Safe([FromQuery] string name)
    {
        // ok: csharp-nosql-injection
        var a = _users.Find(Builders<User>.Filter.Eq(u => u.Name, name)).ToList();
        // ok: csharp-nosql-injection
        var b = _users.Find(u => u.Name == name).ToList();
        // ok: csharp-nosql-injection
        var c = BsonDocument.Parse("{ active: true }");
        return Ok(a);
    }
}
