// ruleid: rust-sql-injection
let rows = sqlx::query(&format!("SELECT * FROM users WHERE name = '{}'", name)).fetch_all(&pool).await?;
// ruleid: rust-sql-injection
conn.execute(&format!("DELETE FROM items WHERE id = {id}"), [])?;
// ok: rust-sql-injection
let rows = sqlx::query("SELECT * FROM users WHERE name = $1").bind(name).fetch_all(&pool).await?;
