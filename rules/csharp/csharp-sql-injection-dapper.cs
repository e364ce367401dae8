using Dapper;

public class ProductsController : ControllerBase
{
    [HttpGet("{category}")]
    public async Task<IActionResult> ByCategory(string category)
    {
        using var connection = new SqlConnection(_cs);
        // ruleid: csharp-sql-injection-dapper
        var rows = await connection.QueryAsync<Product>($"SELECT * FROM Products WHERE Category = '{category}'");
        return Ok(rows);
    }

    public IActionResult Rename()
    {
        var name = Request.Form["name"];
        var sql = "UPDATE Products SET Name = '" + name + "' WHERE Id = 1";
        // ruleid: csharp-sql-injection-dapper
        _db.Execute(sql);
        return Ok();
    }

    [HttpGet("safe/{category}")]
    public async Task<IActionResult> Safe(string category)
    {
        using var connection = new SqlConnection(_cs);
        // ok: csharp-sql-injection-dapper
        var rows = await connection.QueryAsync<Product>("SELECT * FROM Products WHERE Category = @category", new { category });
        // ok: csharp-sql-injection-dapper
        _mediator.Execute(category);
        return Ok(rows);
    }
}
