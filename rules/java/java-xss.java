import java.io.*;
import javax.servlet.http.*;

class Greeting extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        String html = "<p>Hello " + name + "</p>";
        // ruleid: java-xss
        response.getWriter().println(html);
        PrintWriter out = response.getWriter();
        // ruleid: java-xss
        out.print("<h1>" + request.getHeader("Referer") + "</h1>");
    }

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = Encode.forHtml(request.getParameter("name"));
        // ok: java-xss
        response.getWriter().println("<p>Hello " + name + "</p>");
        // ok: java-xss
        response.getWriter().println("<p>Hello</p>");
    }
}
