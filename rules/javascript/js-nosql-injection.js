app.post("/login", async (req, res) => {
  const { username, password } = req.body;
  // ruleid: js-nosql-injection
  const user = await User.findOne({ username: req.body.username, password: req.body.password });
  // ok: js-nosql-injection
  const other = await User.findOne({ username: String(req.body.username) });
  // ok: js-nosql-injection
  const admin = await User.findOne({ role: "admin" });
  const expr = req.query.expr;
  // ruleid: js-nosql-injection
  const docs = await db.collection("items").find({ $where: "this.price < " + expr }).toArray();
  res.json({ user, other, admin, docs });
});
