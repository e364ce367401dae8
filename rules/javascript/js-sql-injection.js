// ruleid: js-sql-injection
db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
// ruleid: js-sql-injection
const sql = "SELECT * FROM orders WHERE customer = '" + name + "'";
// ok: js-sql-injection
db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
// ok: js-sql-injection
const rows = await sql`SELECT * FROM users WHERE id = ${id}`;
