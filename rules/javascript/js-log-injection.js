app.post("/login", (req, res) => {
  const user = req.body.username;
  // ruleid: js-log-injection
  console.log("Login attempt for " + user);
  // ruleid: js-log-injection
  logger.info(`failed login: ${req.body.username}`);
  // ok: js-log-injection
  logger.info(`failed login: ${user.replace(/[\r\n]/g, "")}`);
  // ok: js-log-injection
  logger.info({ user }, "failed login");
  // ok: js-log-injection
  console.log("Login attempt");
  res.sendStatus(401);
});
