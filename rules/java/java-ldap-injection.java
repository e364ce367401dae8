import javax.naming.directory.*;
import javax.servlet.http.*;

class Directory {
    void lookup(HttpServletRequest request, DirContext ctx, SearchControls sc) throws Exception {
        String user = request.getParameter("user");
        String filter = "(&(objectClass=person)(uid=" + user + "))";
        // ruleid: java-ldap-injection
        ctx.search("ou=people,dc=example,dc=com", filter, sc);
    }

    void safe(HttpServletRequest request, DirContext ctx, SearchControls sc) throws Exception {
        String user = LdapEncoder.filterEncode(request.getParameter("user"));
        // ok: java-ldap-injection
        ctx.search("ou=people,dc=example,dc=com", "(uid=" + user + ")", sc);
        // ok: java-ldap-injection
        ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {request.getParameter("user")}, sc);
    }
}
