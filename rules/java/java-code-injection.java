import javax.script.*;
import javax.servlet.http.*;

class Calc {
    Object calc(HttpServletRequest request) throws Exception {
        String expr = request.getParameter("expr");
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");
        // ruleid: java-code-injection
        return engine.eval("var x = " + expr + "; x");
    }

    @PostMapping("/rule")
    Object rule(@RequestBody String script) {
        // ruleid: java-code-injection
        return new GroovyShell().evaluate(script);
    }

    Object bound(HttpServletRequest request) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");
        engine.put("x", request.getParameter("x"));
        // ok: java-code-injection
        return engine.eval("x.length");
    }

    Object spel(@RequestParam String filter) {
        ExpressionParser parser = new SpelExpressionParser();
        // ok: java-code-injection
        Expression e = parser.parseExpression(filter);
        return e.getValue();
    }

    Object safe(HttpServletRequest request) throws Exception {
        String name = request.getParameter("name");
        ExpressionParser parser = new SpelExpressionParser();
        // ok: java-code-injection
        Expression e = parser.parseExpression("name.length()");
        // ok: java-code-injection
        return engine.eval("1 + 1");
    }
}
