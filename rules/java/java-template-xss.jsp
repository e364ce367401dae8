<%@ page contentType="text/html" %>
<!-- ruleid: java-template-xss -->
<p>Hello <%= request.getParameter("name") %></p>
<!-- ok: java-template-xss -->
<p>Hello <c:out value="${param.name}"/></p>
