package app

import "github.com/expr-lang/expr"

func evaluate(c *gin.Context) {
	rule := c.PostForm("rule")
	// ruleid: go-expression-injection
	program, err := expr.Compile(rule, expr.Env(env))
	// ruleid: go-expression-injection
	e, err := govaluate.NewEvaluableExpression(c.Query("expr"))
	_, _, _ = program, e, err
}

func safe(c *gin.Context) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	// ok: go-expression-injection
	program, err := expr.Compile("amount > limit", expr.Env(env))
	// ok: go-expression-injection
	out, err := expr.Eval(cfg.Rule, map[string]any{"limit": limit, "name": c.Query("name")})
	_, _, _ = program, out, err
}
