// fixture-added-lines: 12
import java.sql.*;
import javax.servlet.http.*;

class Report {
    void run(HttpServletRequest request, Connection conn) throws SQLException {
        String sort = request.getParameter("sort");
        String sql = "SELECT * FROM reports ORDER BY " + sort;
        Statement stmt = conn.createStatement();
        log("running report");
        // ruleid: java-sql-injection
        stmt.executeQuery(sql);
    }
}
