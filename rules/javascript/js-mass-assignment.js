app.post("/users", async (req, res) => {
  // ruleid: js-mass-assignment
  const user = await User.create(req.body);
  // ruleid: js-mass-assignment
  await User.findByIdAndUpdate(req.params.id, req.body);
  // ruleid: js-mass-assignment
  Object.assign(user, req.body);
  // ruleid: js-mass-assignment
  await prisma.user.update({ where: { id }, data: req.body });
  const { name, email } = req.body;
  // ok: js-mass-assignment
  const other = await User.create({ name, email });
  // ok: js-mass-assignment
  await prisma.user.create({ data: { name: req.body.name } });
  // ok: js-mass-assignment
  const merged = Object.assign({}, defaults);
  res.json({ user, other, merged });
});
// ok: js-mass-assignment
const copy = Object.assign({}, req.body);
