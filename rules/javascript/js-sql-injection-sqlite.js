const sqlite3 = require("sqlite3");
const db = new sqlite3.Database("app.db");

app.get("/user", (req, res) => {
  const sql = "SELECT * FROM users WHERE name = '" + req.query.name + "'";
  // ruleid: js-sql-injection-sqlite
  db.all(sql, (err, rows) => res.json(rows));
  // ok: js-sql-injection-sqlite
  db.get("SELECT * FROM users WHERE name = ?", [req.query.name], (err, row) => res.json(row));
  // ok: js-sql-injection-sqlite
  cache.get(req.query.name);
});
// ok: js-sql-injection-sqlite
db.all("SELECT * FROM users WHERE name = '" + req.query.name + "'");
