import org.springframework.expression.*;
import org.springframework.expression.spel.standard.SpelExpressionParser;

class Filters {
    @GetMapping("/filter")
    Object filter(@RequestParam String filter) {
        ExpressionParser parser = new SpelExpressionParser();
        // ruleid: java-spel-injection
        Expression e = parser.parseExpression(filter);
        return e.getValue();
    }

    Object header(HttpServletRequest request) {
        String sort = request.getHeader("X-Sort");
        // ruleid: java-spel-injection
        return new SpelExpressionParser().parseExpression("items.?[" + sort + "]").getValue(ctx);
    }

    Object safe(@RequestParam String name) {
        StandardEvaluationContext ctx = new StandardEvaluationContext();
        ctx.setVariable("name", name);
        // ok: java-spel-injection
        return new SpelExpressionParser().parseExpression("#name.length()").getValue(ctx);
    }
}
