// ruleid: ado-connection-string-password
var cs = "Server=sql01;Database=Shop;User Id=shop_app;Password=T7k!m29Qxz;";
// ok: ado-connection-string-password
var cs = "Server=sql01;Database=Shop;Integrated Security=true;";
// ok: ado-connection-string-password
var cs = $"Server=sql01;Database=Shop;User Id=shop_app;Password={password};";
