// ruleid: csharp-sql-injection-concat
var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = '" + name + "'", conn);
// ruleid: csharp-sql-injection-concat
var users = db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Id = {id}").ToList();
// ok: csharp-sql-injection-concat
var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);
// ok: csharp-sql-injection-concat
var users = db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Id = {id}").ToList();
