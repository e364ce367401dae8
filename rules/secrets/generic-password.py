# ruleid: generic-password
db_password = "Tr0ub4dor&3xZq"
# ok: generic-password
db_password = "changeme"
# ok: generic-password
db_password = os.environ["DB_PASSWORD"]
# ok: generic-password
password = "${DB_PASSWORD}"
