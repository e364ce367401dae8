// ruleid: java-xss
response.getWriter().println("<p>Hello " + request.getParameter("name") + "</p>");
// ok: java-xss
response.getWriter().println("<p>Hello " + Encode.forHtml(request.getParameter("name")) + "</p>");
