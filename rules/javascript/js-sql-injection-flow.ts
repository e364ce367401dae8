import { Request, Response } from "express";

export async function listUsers(req: Request, res: Response) {
  const name = req.query.name as string;
  const sql = "SELECT id, email FROM users WHERE name = '" + name + "'";
  // ruleid: js-sql-injection-flow
  const rows = await pool.query(sql);
  // ok: js-sql-injection-flow
  const safe = await pool.query("SELECT id, email FROM users WHERE name = $1", [name]);
  // ruleid: js-sql-injection-flow
  await knex.raw(`DELETE FROM tokens WHERE user_id = ${req.params.id}`);
  const limit = Number(req.query.limit);
  // ok: js-sql-injection-flow
  await pool.query(`SELECT id FROM users LIMIT ${limit}`);
  res.json({ rows, safe });
}
