app.use((err, req, res, next) => {
  // ruleid: js-stack-trace-exposure
  res.status(500).send(err.stack);
});
app.use((err, req, res, next) => {
  // ruleid: js-stack-trace-exposure
  res.status(500).json({ message: err.message, stack: err.stack });
});
app.use((err, req, res, next) => {
  // ok: js-stack-trace-exposure
  logger.error(err.stack);
  // ok: js-stack-trace-exposure
  res.status(500).json({ error: "internal error", stack: process.env.NODE_ENV === "development" ? err.stack : undefined });
});
