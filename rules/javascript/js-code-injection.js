// ruleid: js-code-injection
const result = eval(req.body.expression);
// ruleid: js-code-injection
const fn = new Function("a", userCode);
// ok: js-code-injection
const data = JSON.parse(req.body);
// ok: js-code-injection
setTimeout(() => refresh(), 1000);
