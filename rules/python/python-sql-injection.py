# ruleid: python-sql-injection
cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
# ruleid: python-sql-injection
cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
# ruleid: python-sql-injection
query = f"DELETE FROM sessions WHERE user_id = {uid}"
# ok: python-sql-injection
cur.execute("SELECT * FROM users WHERE name = %s", (name,))
# ok: python-sql-injection
cur.execute(sql, params)
