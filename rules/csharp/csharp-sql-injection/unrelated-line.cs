// fixture-added-lines: 7
public class ReportsController : Controller
{
    public IActionResult Run()
    {
        var sort = Request.Query["sort"];
        _logger.LogInformation("running report");
        var sql = "SELECT * FROM Reports ORDER BY " + sort;
        // ok: csharp-sql-injection
        var cmd = new SqlCommand(sql, _conn);
        return Ok();
    }
}
