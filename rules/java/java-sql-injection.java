import java.sql.*;
import javax.servlet.http.*;

class UserDao {
    void find(HttpServletRequest request, Connection conn) throws SQLException {
        String name = request.getParameter("name");
        String where = "name = '" + name + "'";
        StringBuilder sql = new StringBuilder("SELECT * FROM users WHERE ");
        sql.append(where);
        Statement stmt = conn.createStatement();
        // ruleid: java-sql-injection
        ResultSet rs = stmt.executeQuery(sql.toString());
    }

    @GetMapping("/orders")
    void delete(@RequestParam("id") String id, JdbcTemplate jdbc) {
        String q = String.format("DELETE FROM orders WHERE id = %s", id);
        // ruleid: java-spring-jdbc-sql-injection
        jdbc.update(q);
    }

    void safe(HttpServletRequest request, Connection conn) throws SQLException {
        String name = request.getParameter("name");
        // ok: java-sql-injection
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        int id = Integer.parseInt(request.getParameter("id"));
        Statement stmt = conn.createStatement();
        // ok: java-sql-injection
        stmt.executeQuery("SELECT * FROM orders WHERE id = " + id);
        String table = "audit";
        // ok: java-sql-injection
        stmt.executeUpdate("DELETE FROM " + table);
    }

    void parameterised(@RequestParam String name, @RequestParam("limit") int limit, JdbcTemplate jdbc) {
        // ok: java-sql-injection
        jdbc.queryForList("SELECT * FROM users LIMIT " + limit);
        // ok: java-sql-injection
        jdbc.queryForList("SELECT * FROM users WHERE name = ?", name);
    }
}
