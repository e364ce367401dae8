// ruleid: java-sql-injection-concat
ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
// ruleid: java-sql-injection-concat
String sql = "DELETE FROM orders WHERE id = " + id;
// ok: java-sql-injection-concat
PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
// ok: java-sql-injection-concat
String sql = "SELECT * FROM users WHERE name = ?";
// ok: java-sql-injection-concat
shell.execute("mkdir -p " + app.getUploadPath());
// ruleid: java-sql-injection-concat
jdbc.execute("DELETE FROM audit WHERE day < " + day);
// ok: java-sql-injection-concat
@Query("SELECT * FROM " + StreamStateEntity.STREAM_STATE_TABLE + " WHERE " + StreamStateEntity.JOIN_STREAM_ID + " = :id")
