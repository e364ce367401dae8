using System.Data.SqlClient;
using Microsoft.AspNetCore.Mvc;

public class UsersController : Controller
{
    public IActionResult Find()
    {
        var name = Request.Query["name"];
        var where = "Name = '" + name + "'";
        var sql = $"SELECT * FROM Users WHERE {where}";
        // ruleid: csharp-sql-injection
        var cmd = new SqlCommand(sql, _conn);
        return Ok();
    }

    [HttpGet("{id}")]
    public IActionResult Get(string id)
    {
        // ruleid: csharp-sql-injection-ef-raw
        var users = _db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Id = {id}").ToList();
        // ruleid: csharp-sql-injection-dapper
        var rows = _conn.Query<User>("SELECT * FROM Users WHERE Id = " + id);
        return Ok(users);
    }

    public IActionResult Delete([FromForm] string table)
    {
        using var cmd = _conn.CreateCommand();
        // ruleid: csharp-sql-injection
        cmd.CommandText = "DELETE FROM " + table;
        return Ok();
    }

    [HttpGet]
    public IActionResult Safe(string name, int limit)
    {
        // ok: csharp-sql-injection
        var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name", _conn);
        cmd.Parameters.AddWithValue("@name", name);
        // ok: csharp-sql-injection-ef-raw
        var users = _db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}").ToList();
        // ok: csharp-sql-injection-dapper
        var top = _conn.Query<User>($"SELECT TOP {limit} * FROM Users");
        var n = int.Parse(Request.Query["n"]);
        // ok: csharp-sql-injection-dapper
        var more = _conn.Query<User>("SELECT TOP " + n + " * FROM Users");
        return Ok(users);
    }
}
