import javax.naming.*;

class Lookup {
    Object find(HttpServletRequest request) throws NamingException {
        String name = request.getParameter("resource");
        // ruleid: java-jndi-injection
        return new InitialContext().lookup(name);
    }

    Object env(@RequestParam String ds, Context ctx) throws NamingException {
        // ruleid: java-jndi-injection
        return ctx.lookup("java:comp/env/" + ds);
    }

    Object safe(@RequestParam String ds, Context ctx) throws NamingException {
        // ok: java-jndi-injection
        return ctx.lookup("java:comp/env/jdbc/app");
    }

    Object nearMiss(@RequestParam String ds, Context ctx) throws NamingException {
        if (!ALLOWED.contains(ds)) {
            throw new IllegalArgumentException();
        }
        // ok: java-jndi-injection
        return ctx.lookup(ds);
    }
}
