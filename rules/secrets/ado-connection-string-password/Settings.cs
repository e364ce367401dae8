// ruleid: ado-connection-string-password
var cs = "Password=Vb8kT3xQ6wZ2;User ID=shop;Data Source=sql01;Initial Catalog=Shop";
// ok: ado-connection-string-password
var cs2 = "Password=<password>;User ID=shop;Data Source=sql01";
