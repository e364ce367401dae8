import org.mvel2.MVEL;

class Pricing {
    Object price(HttpServletRequest request, Map<String, Object> vars) {
        String formula = request.getParameter("formula");
        // ruleid: java-mvel-injection
        return MVEL.eval(formula, vars);
    }

    Object compile(@RequestParam String rule) {
        // ruleid: java-mvel-injection
        Serializable s = MVEL.compileExpression("order.total > " + rule);
        return MVEL.executeExpression(s);
    }

    Object safe(@RequestParam String qty, Map<String, Object> vars) {
        vars.put("qty", qty);
        // ok: java-mvel-injection
        return MVEL.eval("price * qty", vars);
    }
}
