using Microsoft.EntityFrameworkCore;

public class OrdersController : Controller
{
    [HttpGet("search")]
    public IActionResult Search([FromQuery] string status)
    {
        // ruleid: csharp-sql-injection-ef-raw
        var orders = _db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Status = '" + status + "'").ToList();
        return Ok(orders);
    }

    [HttpPost("purge")]
    public async Task<IActionResult> Purge([FromForm] string table)
    {
        var sql = $"DELETE FROM {table} WHERE Created < GETDATE() - 30";
        // ruleid: csharp-sql-injection-ef-raw
        await _db.Database.ExecuteSqlRawAsync(sql);
        return Ok();
    }

    [HttpGet("safe")]
    public IActionResult Safe([FromQuery] string status, [FromQuery] int page)
    {
        // ok: csharp-sql-injection-ef-raw
        var a = _db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Status = {status}").ToList();
        // ok: csharp-sql-injection-ef-raw
        var b = _db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Status = {0}", status).ToList();
        // ok: csharp-sql-injection-ef-raw
        var c = _db.Orders.FromSqlRaw("SELECT * FROM Orders ORDER BY Id OFFSET " + (page * 20) + " ROWS").ToList();
        return Ok(a);
    }
}
