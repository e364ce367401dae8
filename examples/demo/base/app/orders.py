import sqlite3

from config import settings


def connect():
    return sqlite3.connect(settings.DATABASE_PATH)


def get_order(order_id):
    db = connect()
    cur = db.cursor()
    cur.execute("SELECT id, item, qty FROM orders WHERE id = ?", (order_id,))
    return cur.fetchone()
