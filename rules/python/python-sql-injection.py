# ruleid: python-sql-injection
cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
# ruleid: python-sql-injection
cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
# ok: python-sql-injection
cur.execute("SELECT * FROM users WHERE name = ?", (name,))
