import javax.el.*;

class Messages {
    Object render(HttpServletRequest request) {
        String msg = request.getParameter("msg");
        ELProcessor elp = new ELProcessor();
        // ruleid: java-el-injection
        return elp.eval(msg);
    }

    boolean isValid(@RequestParam String value, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        // ruleid: java-el-injection
        context.buildConstraintViolationWithTemplate("Invalid value: " + value).addConstraintViolation();
        return false;
    }

    Object expr(HttpServletRequest request, ExpressionFactory factory, ELContext ctx) {
        String e = request.getParameter("e");
        // ruleid: java-el-injection
        ValueExpression ve = factory.createValueExpression(ctx, "${" + e + "}", Object.class);
        return ve.getValue(ctx);
    }

    boolean safe(@RequestParam String value, ConstraintValidatorContext context) {
        // ok: java-el-injection
        context.buildConstraintViolationWithTemplate("{com.acme.invalid}").addConstraintViolation();
        ELProcessor elp = new ELProcessor();
        elp.defineBean("value", value);
        // ok: java-el-injection
        return elp.eval("value.length() > 3") != null;
    }
}
