import org.apache.velocity.app.Velocity;
import freemarker.template.*;

class Mailer {
    String preview(HttpServletRequest request, VelocityContext ctx) {
        String body = request.getParameter("body");
        StringWriter out = new StringWriter();
        // ruleid: java-template-injection
        Velocity.evaluate(ctx, out, "preview", body);
        return out.toString();
    }

    String marker(@RequestParam String tpl, Configuration cfg, Map<String, Object> model) throws Exception {
        // ruleid: java-template-injection
        Template t = new Template("user", new StringReader(tpl), cfg);
        StringWriter out = new StringWriter();
        t.process(model, out);
        return out.toString();
    }

    String safe(@RequestParam String name, Configuration cfg) throws Exception {
        Map<String, Object> model = Map.of("name", name);
        // ok: java-template-injection
        Template t = new Template("greeting", new StringReader("Hello ${name}"), cfg);
        StringWriter out = new StringWriter();
        t.process(model, out);
        return out.toString();
    }
}
