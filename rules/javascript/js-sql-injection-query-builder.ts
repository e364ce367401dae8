export async function search(req: Request, res: Response) {
  const name = req.query.name;
  const users = await repo
    .createQueryBuilder("user")
    // ruleid: js-sql-injection-query-builder
    .where(`user.name = '${name}'`)
    // ok: js-sql-injection-query-builder
    .andWhere("user.active = :active", { active: true })
    .getMany();
  // ok: js-sql-injection-query-builder
  const others = await repo.createQueryBuilder("u").where("u.name = :name", { name }).getMany();
  // ruleid: js-sql-injection-query-builder
  const rows = await Post.findAll({ where: sequelize.literal("title = '" + req.query.title + "'") });
  res.json({ users, others, rows });
}
