# ruleid: ado-connection-string-password
conn = psycopg2.connect("host=db.corp.internal dbname=shop user=shop password=Wq5zT8xM2vK7")
# ok: ado-connection-string-password
conn = psycopg2.connect("host=localhost dbname=test user=postgres password=postgres")
# ok: ado-connection-string-password
conn = psycopg2.connect(f"host={host} dbname=shop user=shop password={password}")
