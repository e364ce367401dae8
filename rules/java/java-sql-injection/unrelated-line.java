// fixture-added-lines: 9
import java.sql.*;
import javax.servlet.http.*;

class Report {
    void run(HttpServletRequest request, Connection conn) throws SQLException {
        String sort = request.getParameter("sort");
        String sql = "SELECT * FROM reports ORDER BY " + sort;
        log("running report");
        Statement stmt = conn.createStatement();
        // ok: java-sql-injection
        stmt.executeQuery(sql);
    }
}
