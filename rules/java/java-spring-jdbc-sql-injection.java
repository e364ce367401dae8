import org.springframework.jdbc.core.JdbcTemplate;

class OrderDao {
    JdbcTemplate jdbc;

    @GetMapping("/orders")
    List<Map<String, Object>> find(@RequestParam String status) {
        String sql = "SELECT * FROM orders WHERE status = '" + status + "'";
        // ruleid: java-spring-jdbc-sql-injection
        return jdbc.queryForList(sql);
    }

    void rename(HttpServletRequest request) {
        String name = request.getParameter("name");
        // ruleid: java-spring-jdbc-sql-injection
        jdbc.update(String.format("UPDATE users SET name = '%s'", name));
    }

    List<Map<String, Object>> safe(@RequestParam String status) {
        // ok: java-spring-jdbc-sql-injection
        return jdbc.queryForList("SELECT * FROM orders WHERE status = ?", status);
    }

    List<Map<String, Object>> nearMiss(@RequestParam("limit") int limit) {
        // ok: java-spring-jdbc-sql-injection
        return jdbc.queryForList("SELECT * FROM orders LIMIT " + limit);
    }
}

class Digests {
    byte[] digest(HttpServletRequest request, MessageDigest md) {
        String input = request.getParameter("v");
        // ok: java-spring-jdbc-sql-injection
        md.update(input.getBytes());
        return md.digest();
    }
}
