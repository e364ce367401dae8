// ruleid: java-sql-injection
ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
// ruleid: java-sql-injection
String sql = "DELETE FROM orders WHERE id = " + id;
// ok: java-sql-injection
PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
// ok: java-sql-injection
String sql = "SELECT * FROM users WHERE name = ?";
