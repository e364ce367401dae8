app.post("/login", async (req, res) => {
  // ruleid: js-nosql-query-object
  const user = await User.findOne(req.body);
  const filter = req.query;
  // ruleid: js-nosql-query-object
  const items = await db.collection("items").find(filter).toArray();
  // ok: js-nosql-query-object
  const byEmail = await User.findOne({ email: String(req.body.email) });
  // ok: js-nosql-query-object
  const one = await User.findById(req.params.id);
  // ok: js-nosql-query-object
  const admins = await User.find({ role: "admin" });
  res.json({ user, items, byEmail, one, admins });
});
